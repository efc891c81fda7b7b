#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace unike::ui {

SettingsDialog::SettingsDialog(const StudioSettings& s, QWidget* parent)
    : QDialog(parent)
    , device_(new QComboBox)
    , dtype_(new QComboBox)
    , threads_(new QSpinBox)
    , folder_(new QLineEdit(s.modelFolder))
    , hyper_(new QPlainTextEdit(s.defaultHyperParams))
    , autosave_(new QSpinBox) {
    setWindowTitle(tr("Settings"));
    device_->addItems({"auto", "cpu", "cuda"});
    device_->setCurrentText(s.device);
    device_->setToolTip(tr("Where the model runs; auto uses CUDA when LibTorch has it"));
    dtype_->addItems({"auto", "float32", "float16", "bfloat16"});
    dtype_->setCurrentText(s.dtype);
    dtype_->setToolTip(tr("The weights' number type; auto is float32 on the CPU"));
    threads_->setRange(0, 256);
    threads_->setValue(s.threads);
    threads_->setSpecialValueText(tr("automatic (half the cores)"));
    threads_->setToolTip(tr("Compute threads; takes effect at the next start"));
    folder_->setPlaceholderText(tr("empty: the embedded demo model"));
    folder_->setToolTip(tr("A Hugging Face BLIP-2 (OPT) folder opened at start"));
    hyper_->setPlaceholderText(tr("{ } a JSON object applied to every new edit"));
    hyper_->setMaximumHeight(80);
    autosave_->setRange(0, 3600);
    autosave_->setValue(s.autosaveSeconds);
    autosave_->setSuffix(tr(" s"));
    autosave_->setSpecialValueText(tr("off"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Model Folder"), folder_->text());
        if (!dir.isEmpty())
            folder_->setText(dir);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Number type"), dtype_);
    form->addRow(tr("Threads"), threads_);
    form->addRow(tr("Model folder"), folderRow);
    form->addRow(tr("Default hyperparameters"), hyper_);
    form->addRow(tr("Autosave every"), autosave_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

StudioSettings SettingsDialog::settings() const {
    StudioSettings s;
    s.device = device_->currentText();
    s.dtype = dtype_->currentText();
    s.threads = threads_->value();
    s.modelFolder = folder_->text().trimmed();
    s.defaultHyperParams = hyper_->toPlainText().trimmed();
    s.autosaveSeconds = autosave_->value();
    return s;
}

} // namespace unike::ui
