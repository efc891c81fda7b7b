#pragma once
// Edits the StudioSettings: device, dtype, threads, model folder, the default
// hyperparameters and autosave.

#include "settings/StudioSettings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace unike::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(const StudioSettings& settings, QWidget* parent = nullptr);

    StudioSettings settings() const;

private:
    QComboBox* device_ = nullptr;
    QComboBox* dtype_ = nullptr;
    QSpinBox* threads_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QPlainTextEdit* hyper_ = nullptr;
    QSpinBox* autosave_ = nullptr;
};

} // namespace unike::ui
