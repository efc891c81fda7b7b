#include "main/DeviceStatus.h"

#include <unike/Runtime.h>

#include <QTimer>

namespace unike::ui {
namespace {
constexpr int kRefreshMs = 3000;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
} // namespace

DeviceStatus::DeviceStatus(QWidget* parent)
    : QLabel(tr("Device: –"), parent)
    , timer_(new QTimer(this)) {
    setObjectName("DeviceLabel");
    setAccessibleName(tr("Compute device"));
    timer_->setInterval(kRefreshMs);
    connect(timer_, &QTimer::timeout, this, &DeviceStatus::refresh);
}

void DeviceStatus::setDevice(const QString& device, const QString& dtype) {
    device_ = device;
    dtype_ = dtype;
    gpuIndex_ = -1;
    if (device.startsWith("cuda")) {
        const int colon = device.indexOf(':');
        gpuIndex_ = colon < 0 ? 0 : device.mid(colon + 1).toInt();
    }
    refresh();
    if (gpuIndex_ >= 0)
        timer_->start();
    else
        timer_->stop();
}

QString DeviceStatus::memoryText() const {
    if (gpuIndex_ < 0)
        return {};
    const GpuMemoryInfo memory = gpuMemory(gpuIndex_);
    if (!memory.available)
        return {};
    return tr("%1 / %2 GiB")
        .arg(memory.usedBytes / kGiB, 0, 'f', 1)
        .arg(memory.totalBytes / kGiB, 0, 'f', 1);
}

void DeviceStatus::refresh() {
    const QString memory = memoryText();
    setText(memory.isEmpty() ? tr("Device: %1, %2").arg(device_, dtype_)
                             : tr("Device: %1, %2, %3").arg(device_, dtype_, memory));
    setToolTip(memory.isEmpty() ? tr("Where the model runs and its number type")
                                : tr("Where the model runs, its number type, and the GPU "
                                     "memory in use by every process"));
}

} // namespace unike::ui
