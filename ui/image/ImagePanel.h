#pragma once
// The central view: the image being asked about, beside what the model sees of
// it, above a gallery of the sample images. Images come from a dialog, drag and
// drop, the clipboard or the gallery. A new image is only taken once the engine
// has decoded it, so a corrupt file changes nothing.

#include "image/SampleGallery.h"

#include <unike/ModelTypes.h>

#include <QList>
#include <QWidget>

class QListWidget;
class QListWidgetItem;

namespace unike::ui {

class EngineWorker;
class ImageView;

class ImagePanel : public QWidget {
    Q_OBJECT

public:
    explicit ImagePanel(EngineWorker* worker, QWidget* parent = nullptr);

    bool hasImage() const { return !current_.empty(); }
    const unike::ImageInput& currentImage() const { return current_; }
    QString currentName() const { return currentName_; }
    QListWidget* gallery() const { return gallery_; }

public slots:
    void openDialog();
    void openFile(const QString& path, const QString& suggestedQuestion = {});
    void pasteFromClipboard();
    void openSample(int index);
    void clear();

signals:
    // The image changed; a gallery pick also suggests a question.
    void imageChanged(const QString& name, const QString& suggestedQuestion);
    void imageRejected(const QString& name, const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void request(const unike::ImageInput& image, const QString& name, const QString& question);
    void fillGallery();
    void onPreview(int request, const unike::ImagePreview& preview);
    void onFailed(const QString& job, int request, int kind, const QString& message);

    EngineWorker* worker_ = nullptr;
    ImageView* original_ = nullptr;
    ImageView* modelInput_ = nullptr;
    QListWidget* gallery_ = nullptr;
    QList<SampleImage> samples_;
    unike::ImageInput current_;
    QString currentName_;
    // The image waiting for its preview.
    int pendingRequest_ = 0;
    unike::ImageInput pending_;
    QString pendingName_;
    QString pendingQuestion_;
};

} // namespace unike::ui
