#pragma once
// The status bar's device field: the model's device and number type, and on CUDA
// the GPU's memory in use, refreshed every few seconds.

#include <QLabel>

class QTimer;

namespace unike::ui {

class DeviceStatus : public QLabel {
    Q_OBJECT

public:
    explicit DeviceStatus(QWidget* parent = nullptr);

    // device as the engine names it ("cpu", "cuda:0"), dtype ("float32").
    void setDevice(const QString& device, const QString& dtype);
    // "3.2 / 80.0 GiB"; empty when the device is not a GPU or its memory is unknown.
    QString memoryText() const;

private:
    void refresh();

    QString device_, dtype_;
    int gpuIndex_ = -1; // -1: not on a GPU
    QTimer* timer_ = nullptr;
};

} // namespace unike::ui
