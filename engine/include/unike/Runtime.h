#pragma once
// Process-wide compute settings: thread counts and devices. Call from the thread
// that runs the model (torch's intra-op setting is per process, but OpenMP's
// inter-op pool binds to the calling thread).

#include <string>

namespace unike {

struct RuntimeInfo {
    std::string torchVersion;
    int torchThreads = 0;
    int hardwareThreads = 0;
    bool cudaAvailable = false;
    int cudaDevices = 0;
};

// threads <= 0 means one per hardware core.
void setComputeThreads(int threads);
int hardwareThreads();
RuntimeInfo runtimeInfo();

} // namespace unike
