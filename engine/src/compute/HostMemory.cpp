#include "compute/HostMemory.h"

#include <fstream>
#include <sstream>
#include <string>

namespace unike::compute {

double availableHostMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        std::istringstream fields(line);
        std::string key;
        double kilobytes = 0;
        if (fields >> key >> kilobytes && key == "MemAvailable:")
            return kilobytes * 1024.0;
    }
    return 0.0;
}

} // namespace unike::compute
