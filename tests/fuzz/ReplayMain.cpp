// The corpus replay for builds without libFuzzer (the normal GCC build): runs every file of
// the folders or files given once through the target, so a committed regression input fails
// ctest. An escaping exception or a crash fails the run.
#include "FuzzSupport.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

namespace fs = std::filesystem;

namespace {

int replay(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path given(argv[i]);
        if (fs::is_directory(given)) {
            for (const auto& entry : fs::recursive_directory_iterator(given))
                if (entry.is_regular_file())
                    inputs += replay(entry.path());
        } else {
            inputs += replay(given);
        }
    }
    if (inputs == 0) {
        std::cerr << "no inputs found in the paths given\n";
        return 1;
    }
    std::cout << "replayed " << inputs << " inputs\n";
    return 0;
}
