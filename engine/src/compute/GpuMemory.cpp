// gpuMemory through NVML, opened with dlopen: torch exposes no public memory query
// in C++, and linking CUDA libraries would tie the CPU build to them.
#include <unike/Runtime.h>

#include <dlfcn.h>

#include <mutex>

namespace unike {
namespace {

// The few NVML entry points used, with NVML's C types spelled out.
struct NvmlMemory {
    unsigned long long total, free, used;
};
using NvmlInit = int (*)();
using NvmlHandleByIndex = int (*)(unsigned int, void**);
using NvmlMemoryInfo = int (*)(void*, NvmlMemory*);
using NvmlName = int (*)(void*, char*, unsigned int);

struct Nvml {
    NvmlHandleByIndex handleByIndex = nullptr;
    NvmlMemoryInfo memoryInfo = nullptr;
    NvmlName name = nullptr;
    bool ready = false;
};

const Nvml& nvml() {
    static Nvml loaded;
    static std::once_flag once;
    std::call_once(once, [] {
        void* library = dlopen("libnvidia-ml.so.1", RTLD_LAZY | RTLD_LOCAL);
        if (!library)
            return; // no NVIDIA driver: no GPU to report
        auto init = reinterpret_cast<NvmlInit>(dlsym(library, "nvmlInit_v2"));
        loaded.handleByIndex =
            reinterpret_cast<NvmlHandleByIndex>(dlsym(library, "nvmlDeviceGetHandleByIndex_v2"));
        loaded.memoryInfo =
            reinterpret_cast<NvmlMemoryInfo>(dlsym(library, "nvmlDeviceGetMemoryInfo"));
        loaded.name = reinterpret_cast<NvmlName>(dlsym(library, "nvmlDeviceGetName"));
        loaded.ready = init && loaded.handleByIndex && loaded.memoryInfo && init() == 0;
    });
    return loaded;
}

} // namespace

GpuMemoryInfo gpuMemory(int device) {
    GpuMemoryInfo info;
    const Nvml& api = nvml();
    void* handle = nullptr;
    NvmlMemory memory{};
    if (!api.ready || device < 0 || api.handleByIndex(unsigned(device), &handle) != 0 ||
        api.memoryInfo(handle, &memory) != 0)
        return info;
    info.available = true;
    info.usedBytes = double(memory.used);
    info.totalBytes = double(memory.total);
    char name[96] = {};
    if (api.name && api.name(handle, name, sizeof name) == 0)
        info.name = name;
    return info;
}

} // namespace unike
