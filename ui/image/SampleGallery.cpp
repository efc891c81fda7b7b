#include "SampleGallery.h"

#include <unike/Resources.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace unike::ui {

QList<SampleImage> SampleGallery::load() {
    const QString resources = QString::fromStdString(unike::resourcesDirectory());
    if (resources.isEmpty())
        return {};
    return loadFrom(QDir(resources).filePath("images"));
}

QList<SampleImage> SampleGallery::loadFrom(const QString& folder) {
    QFile file(QDir(folder).filePath("gallery.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<SampleImage> samples;
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        SampleImage sample;
        sample.path = QDir(folder).filePath(entry.value("file").toString());
        sample.question = entry.value("question").toString();
        sample.answer = entry.value("answer").toString();
        if (!sample.path.isEmpty())
            samples.append(sample);
    }
    return samples;
}

} // namespace unike::ui
