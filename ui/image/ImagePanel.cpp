#include "ImagePanel.h"

#include "common/ImageConvert.h"
#include "image/ImageView.h"
#include "worker/EngineWorker.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QListWidget>
#include <QMimeData>
#include <QVBoxLayout>

namespace unike::ui {

ImagePanel::ImagePanel(EngineWorker* worker, QWidget* parent)
    : QWidget(parent)
    , worker_(worker)
    , original_(new ImageView(tr("Image")))
    , modelInput_(new ImageView(tr("Model input")))
    , gallery_(new QListWidget) {
    setObjectName("ImagePanel");
    setAcceptDrops(true);
    original_->setPlaceholder(tr("Open an image (Ctrl+O), drop one here, paste one (Ctrl+Shift+V) "
                                 "or pick a sample below."));
    modelInput_->setPixelated(true);
    modelInput_->setPlaceholder(tr("What the model sees: the image resized to its input."));
    modelInput_->setToolTip(tr("The preprocessed model input (resized, before normalisation)"));

    gallery_->setObjectName("SampleGallery");
    gallery_->setAccessibleName(tr("Sample images"));
    gallery_->setToolTip(tr("Sample images: click one to open it and fill in its question"));
    gallery_->setViewMode(QListView::IconMode);
    gallery_->setFlow(QListView::LeftToRight);
    gallery_->setWrapping(false);
    gallery_->setIconSize(QSize(64, 64));
    gallery_->setFixedHeight(112);
    gallery_->setMovement(QListView::Static);
    fillGallery();
    connect(gallery_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openSample(gallery_->row(item)); });
    connect(gallery_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { openSample(gallery_->row(item)); });

    auto* views = new QHBoxLayout;
    views->addWidget(original_, 3);
    views->addWidget(modelInput_, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(views, 1);
    layout->addWidget(gallery_);

    connect(worker_, &EngineWorker::previewed, this, &ImagePanel::onPreview);
    connect(worker_, &EngineWorker::failed, this, &ImagePanel::onFailed);
}

void ImagePanel::fillGallery() {
    samples_ = SampleGallery::load();
    for (const SampleImage& sample : samples_) {
        auto* item = new QListWidgetItem(QIcon(sample.path), QFileInfo(sample.path).baseName());
        item->setToolTip(QString("%1\n%2").arg(QFileInfo(sample.path).fileName(), sample.question));
        gallery_->addItem(item);
    }
}

void ImagePanel::openDialog() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        patterns << "*." + QString::fromLatin1(format);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Image"), {}, tr("Images (%1);;All files (*)").arg(patterns.join(' ')));
    if (!path.isEmpty())
        openFile(path);
}

void ImagePanel::openFile(const QString& path, const QString& suggestedQuestion) {
    unike::ImageInput input;
    input.path = QFileInfo(path).absoluteFilePath().toStdString();
    request(input, QFileInfo(path).fileName(), suggestedQuestion);
}

void ImagePanel::openSample(int index) {
    if (index < 0 || index >= samples_.size())
        return;
    openFile(samples_[index].path, samples_[index].question);
}

void ImagePanel::pasteFromClipboard() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (mime && mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()) {
        openFile(mime->urls().first().toLocalFile());
        return;
    }
    const QImage image = QApplication::clipboard()->image();
    if (image.isNull()) {
        emit imageRejected(tr("the clipboard"), tr("the clipboard holds no image"));
        return;
    }
    unike::ImageInput input;
    input.bytes = pngBytes(image);
    input.name = "the pasted image";
    request(input, tr("pasted image"), {});
}

void ImagePanel::clear() {
    current_ = {};
    currentName_.clear();
    original_->setImage({});
    modelInput_->setImage({});
}

void ImagePanel::request(const unike::ImageInput& image, const QString& name,
                         const QString& question) {
    pending_ = image;
    pendingName_ = name;
    pendingQuestion_ = question;
    pendingRequest_ = worker_->preview(image);
}

void ImagePanel::onPreview(int request, const unike::ImagePreview& preview) {
    if (request != pendingRequest_)
        return;
    current_ = pending_;
    currentName_ = pendingName_;
    original_->setImage(
        imageFromRgb(preview.rgb, preview.width, preview.height),
        QString("%1, %2×%3").arg(currentName_).arg(preview.width).arg(preview.height));
    modelInput_->setImage(imageFromRgb(preview.modelRgb, preview.modelWidth, preview.modelHeight),
                          QString("%1×%2").arg(preview.modelWidth).arg(preview.modelHeight));
    emit imageChanged(currentName_, pendingQuestion_);
}

void ImagePanel::onFailed(const QString& job, int request, int, const QString& message) {
    if (job != "preview" || request != pendingRequest_)
        return;
    pendingRequest_ = 0;
    emit imageRejected(pendingName_, message);
}

void ImagePanel::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void ImagePanel::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()) {
        openFile(mime->urls().first().toLocalFile());
    } else if (mime->hasImage()) {
        unike::ImageInput input;
        input.bytes = pngBytes(qvariant_cast<QImage>(mime->imageData()));
        input.name = "the dropped image";
        request(input, tr("dropped image"), {});
    }
    event->acceptProposedAction();
}

} // namespace unike::ui
