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

// A GPU's memory as the driver sees it (every process's use, as nvidia-smi shows).
struct GpuMemoryInfo {
    bool available = false; // false without an NVIDIA driver or such a device
    std::string name;
    double usedBytes = 0, totalBytes = 0;
};

// threads <= 0 means defaultComputeThreads().
void setComputeThreads(int threads);
// Half the hardware threads, at least one. Torch's threads and OpenBLAS's own pool
// share the cores and spin-wait for each other: on 2 cores, two torch threads made
// training 3.3x slower (EVIDENCE.md) and a state capture 44x slower (85 s against
// 1.9 s) while another process held one core.
int defaultComputeThreads();
int hardwareThreads();
RuntimeInfo runtimeInfo();
// Asks the NVIDIA management library, loaded at run time, so it works in CPU-only
// builds too and costs no CUDA context. Cheap enough to poll from a GUI timer.
GpuMemoryInfo gpuMemory(int device = 0);

} // namespace unike
