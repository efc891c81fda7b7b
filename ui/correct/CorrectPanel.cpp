#include "CorrectPanel.h"

#include "correct/HyperParamsEditor.h"
#include "correct/LossPlot.h"
#include "worker/EngineWorker.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace unike::ui {
namespace {

QListWidgetItem* editableItem(const QString& text) {
    auto* item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    return item;
}

QWidget* listWithButtons(QListWidget* list, const QList<QPushButton*>& buttons) {
    auto* box = new QWidget;
    auto* column = new QVBoxLayout;
    for (QPushButton* button : buttons)
        column->addWidget(button);
    column->addStretch();
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(list, 1);
    row->addLayout(column);
    return box;
}

} // namespace

CorrectPanel::CorrectPanel(EngineWorker* worker, QWidget* parent)
    : QWidget(parent)
    , worker_(worker)
    , subjectLabel_(new QLabel)
    , targetEdit_(new QLineEdit)
    , rephrasings_(new QListWidget)
    , images_(new QListWidget)
    , methodBox_(new QComboBox)
    , hyper_(new HyperParamsEditor)
    , applyButton_(new QPushButton(tr("A&pply Edit")))
    , cancelButton_(new QPushButton(tr("Cancel")))
    , progress_(new QProgressBar)
    , stepLabel_(new QLabel)
    , elapsedLabel_(new QLabel)
    , plot_(new LossPlot)
    , clock_(new QTimer(this)) {
    setObjectName("CorrectPanel");
    subjectLabel_->setWordWrap(true);
    subjectLabel_->setText(tr("Ask a question first; the edit corrects its answer."));
    targetEdit_->setObjectName("TargetEdit");
    targetEdit_->setPlaceholderText(tr("The answer the model should give"));
    targetEdit_->setAccessibleName(tr("Target answer"));
    targetEdit_->setToolTip(tr("The answer the edited model should give to the question"));
    rephrasings_->setObjectName("Rephrasings");
    rephrasings_->setAccessibleName(tr("Rephrasings"));
    rephrasings_->setToolTip(tr("Other wordings of the question (T-Generality); double-click to "
                                "edit"));
    images_->setObjectName("ExtraImages");
    images_->setAccessibleName(tr("Extra images"));
    images_->setToolTip(tr("Other images of the same thing (M-Generality)"));
    for (const std::string& method : unike::editMethods())
        methodBox_->addItem(QString::fromStdString(method));
    methodBox_->setCurrentText("unike");
    methodBox_->setAccessibleName(tr("Editing method"));
    methodBox_->setToolTip(tr("UniKE, or one of the baselines"));

    auto* addRephrase = new QPushButton(tr("Add"));
    auto* removeRephrase = new QPushButton(tr("Remove"));
    auto* suggestButton = new QPushButton(tr("Suggest"));
    suggestButton->setToolTip(tr("Add rephrasings from the demo world's held-out templates"));
    connect(addRephrase, &QPushButton::clicked, this, [this] {
        QListWidgetItem* item = editableItem(question_);
        rephrasings_->addItem(item);
        rephrasings_->editItem(item);
    });
    connect(removeRephrase, &QPushButton::clicked, this,
            [this] { delete rephrasings_->currentItem(); });
    connect(suggestButton, &QPushButton::clicked, this, &CorrectPanel::suggest);
    auto* addImage = new QPushButton(tr("Add…"));
    auto* removeImage = new QPushButton(tr("Remove"));
    connect(addImage, &QPushButton::clicked, this, [this] {
        const QStringList paths =
            QFileDialog::getOpenFileNames(this, tr("Images for the generality check"), {},
                                          tr("Images (*.png *.jpg *.jpeg *.bmp)"));
        setExtraImages(extraImages() + paths);
    });
    connect(removeImage, &QPushButton::clicked, this, [this] { delete images_->currentItem(); });

    applyButton_->setObjectName("ApplyEditButton");
    applyButton_->setToolTip(tr("Train the edit; it becomes live and undoable"));
    cancelButton_->setObjectName("CancelEditButton");
    cancelButton_->setToolTip(tr("Stop the edit; nothing changes"));
    cancelButton_->setEnabled(false);
    connect(applyButton_, &QPushButton::clicked, this, &CorrectPanel::apply);
    connect(cancelButton_, &QPushButton::clicked, this, [this] { worker_->cancel(); });
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setAccessibleName(tr("Edit progress"));
    stepLabel_->setObjectName("StepLabel");
    stepLabel_->setMinimumWidth(stepLabel_->fontMetrics().horizontalAdvance(tr("Step 00000")));
    elapsedLabel_->setObjectName("ElapsedLabel");
    connect(clock_, &QTimer::timeout, this, &CorrectPanel::updateElapsed);

    auto* form = new QFormLayout;
    form->addRow(tr("Target"), targetEdit_);
    form->addRow(tr("Rephrasings"),
                 listWithButtons(rephrasings_, {addRephrase, removeRephrase, suggestButton}));
    form->addRow(tr("Extra images"), listWithButtons(images_, {addImage, removeImage}));
    form->addRow(tr("Method"), methodBox_);
    rephrasings_->setMaximumHeight(90);
    images_->setMaximumHeight(60);

    auto* run = new QHBoxLayout;
    run->addWidget(applyButton_);
    run->addWidget(cancelButton_);
    run->addWidget(progress_, 1);
    auto* status = new QHBoxLayout;
    status->addWidget(stepLabel_);
    status->addStretch();
    status->addWidget(elapsedLabel_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(subjectLabel_);
    layout->addLayout(form);
    layout->addWidget(hyper_);
    layout->addLayout(run);
    layout->addLayout(status);
    layout->addWidget(plot_, 1);

    connect(worker_, &EngineWorker::jobStarted, this, &CorrectPanel::onStarted);
    connect(worker_, &EngineWorker::jobFinished, this, &CorrectPanel::onFinished);
    connect(worker_, &EngineWorker::progressed, this, &CorrectPanel::onProgress);
    connect(worker_, &EngineWorker::scalarsReported, this, &CorrectPanel::onScalars);
    connect(worker_, &EngineWorker::failed, this,
            [this](const QString& job, int, int, const QString&) {
                if (job == "edit")
                    progress_->setFormat(tr("stopped: nothing changed"));
            });
}

void CorrectPanel::setSubject(const unike::ImageInput& image, const QString& question) {
    image_ = image;
    question_ = question;
    subjectLabel_->setText(question.isEmpty()
                               ? tr("Ask a question first; the edit corrects its answer.")
                               : tr("Correcting: <i>%1</i>").arg(question.toHtmlEscaped()));
}

QString CorrectPanel::target() const {
    return targetEdit_->text().trimmed();
}
void CorrectPanel::setTarget(const QString& target) {
    targetEdit_->setText(target);
}
QString CorrectPanel::method() const {
    return methodBox_->currentText();
}
void CorrectPanel::setMethod(const QString& method) {
    methodBox_->setCurrentText(method);
}

QStringList CorrectPanel::rephrasings() const {
    QStringList out;
    for (int i = 0; i < rephrasings_->count(); ++i)
        if (!rephrasings_->item(i)->text().trimmed().isEmpty())
            out << rephrasings_->item(i)->text().trimmed();
    return out;
}

void CorrectPanel::setRephrasings(const QStringList& rephrasings) {
    rephrasings_->clear();
    for (const QString& text : rephrasings)
        rephrasings_->addItem(editableItem(text));
}

QStringList CorrectPanel::extraImages() const {
    QStringList out;
    for (int i = 0; i < images_->count(); ++i)
        out << images_->item(i)->data(Qt::UserRole).toString();
    return out;
}

void CorrectPanel::setExtraImages(const QStringList& paths) {
    images_->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QIcon(path), QFileInfo(path).fileName());
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        images_->addItem(item);
    }
}

void CorrectPanel::suggest() {
    const QStringList existing = rephrasings();
    QStringList added;
    try {
        for (const std::string& text : unike::suggestRephrasings(question_.toStdString()))
            if (!existing.contains(QString::fromStdString(text)))
                added << QString::fromStdString(text);
    } catch (const std::exception& e) {
        emit inputRejected(tr("No suggestions: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    if (added.isEmpty())
        emit inputRejected(tr("No rephrasings to suggest for this question."));
    setRephrasings(existing + added);
}

ProbeList CorrectPanel::generalityProbes() const {
    ProbeList probes;
    if (question_.isEmpty() || target().isEmpty())
        return probes;
    auto probe = [&](const char* kind, const unike::ImageInput& image, const QString& question) {
        unike::Probe p;
        p.kind = kind;
        p.image = image;
        p.question = question.toStdString();
        p.expected = target().toStdString();
        probes.push_back(p);
    };
    probe("edit", image_, question_);
    for (const QString& text : rephrasings())
        probe("rephrase", image_, text);
    for (const QString& path : extraImages()) {
        unike::ImageInput image;
        image.path = path.toStdString();
        probe("image-rephrase", image, question_);
    }
    return probes;
}

void CorrectPanel::apply() {
    if (question_.isEmpty()) {
        emit inputRejected(tr("Ask a question first: the edit corrects the answer to it."));
        return;
    }
    if (target().isEmpty()) {
        emit inputRejected(tr("Type the target answer: what the model should say instead."));
        return;
    }
    QString error;
    unike::EditParams params;
    params.overrides = hyper_->overrides(&error);
    if (!error.isEmpty()) {
        emit inputRejected(error);
        return;
    }
    params.image = image_;
    params.question = question_.toStdString();
    params.target = target().toStdString();
    params.method = method().toStdString();
    params.hyperParamsJson = hyper_->json().toStdString();
    for (const QString& text : rephrasings())
        params.rephrasings.push_back(text.toStdString());
    worker_->applyEdit(params);
}

void CorrectPanel::onStarted(const QString& job) {
    if (job != "edit")
        return;
    running_ = true;
    lastStep_ = -1;
    plot_->reset();
    progress_->setValue(0);
    progress_->setFormat("%p%");
    stepLabel_->setText(tr("Starting…"));
    applyButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    elapsed_.start();
    clock_->start(100);
}

void CorrectPanel::onFinished(const QString& job) {
    if (job != "edit")
        return;
    running_ = false;
    clock_->stop();
    updateElapsed();
    applyButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
}

void CorrectPanel::onProgress(const QString& job, double fraction, const QString& message) {
    if (job != "edit" || !running_)
        return;
    progress_->setValue(static_cast<int>(fraction * progress_->maximum()));
    if (!message.isEmpty())
        progress_->setFormat(message + " %p%");
}

void CorrectPanel::onScalars(const QString& job, long step, const ScalarList& scalars) {
    if (job != "edit")
        return;
    lastStep_ = step;
    plot_->addStep(step, scalars);
    stepLabel_->setText(tr("Step %1").arg(step));
    progress_->setFormat(tr("training %p%"));
}

void CorrectPanel::updateElapsed() {
    elapsedLabel_->setText(tr("%1 s").arg(elapsed_.elapsed() / 1000.0, 0, 'f', 1));
}

} // namespace unike::ui
