#include <unike/Runtime.h>

#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace unike {

int hardwareThreads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

int defaultComputeThreads() {
    return std::max(1, hardwareThreads() / 2);
}

void setComputeThreads(int threads) {
    const int n = threads > 0 ? threads : defaultComputeThreads();
    at::set_num_threads(n);
    spdlog::debug("compute threads set to {} ({} hardware threads)", n, hardwareThreads());
}

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.torchThreads = at::get_num_threads();
    info.hardwareThreads = hardwareThreads();
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDevices = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    return info;
}

} // namespace unike
