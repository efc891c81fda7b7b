#include "StudioState.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace unike::ui {
namespace {
constexpr int kFormat = 1;
}

QString StudioState::toJson() const {
    QJsonObject o;
    o["studioFormat"] = kFormat;
    o["imagePath"] = imagePath;
    o["question"] = question;
    o["target"] = target;
    o["rephrasings"] = QJsonArray::fromStringList(rephrasings);
    o["extraImages"] = QJsonArray::fromStringList(extraImages);
    o["method"] = method;
    o["hyperParamsJson"] = hyperParamsJson;
    o["overrides"] = overrides;
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

StudioState StudioState::fromJson(const QString& json) {
    StudioState s;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    auto strings = [](const QJsonValue& value) {
        QStringList out;
        for (const QJsonValue& v : value.toArray())
            out << v.toString();
        return out;
    };
    s.imagePath = o.value("imagePath").toString();
    s.question = o.value("question").toString();
    s.target = o.value("target").toString();
    s.rephrasings = strings(o.value("rephrasings"));
    s.extraImages = strings(o.value("extraImages"));
    s.method = o.value("method").toString(s.method);
    s.hyperParamsJson = o.value("hyperParamsJson").toString();
    s.overrides = o.value("overrides").toString();
    return s;
}

} // namespace unike::ui
