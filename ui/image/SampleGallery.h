#pragma once
// The shipped sample images and the question each suggests, read from
// resources/images/gallery.json.

#include <QList>
#include <QString>

namespace unike::ui {

struct SampleImage {
    QString path;
    QString question;
    QString answer; // what the world says is true
};

class SampleGallery {
public:
    // Reads the gallery of the shipped resources; empty when none is found.
    static QList<SampleImage> load();
    static QList<SampleImage> loadFrom(const QString& folder);
};

} // namespace unike::ui
