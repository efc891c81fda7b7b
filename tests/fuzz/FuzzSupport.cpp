#include "FuzzSupport.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace unike::fuzz {
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path folder;
    Scratch() {
        const char* tmp = std::getenv("TMPDIR");
        const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm")
                              : tmp                        ? fs::path(tmp)
                                                           : fs::temp_directory_path();
        folder = base / ("unike-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(folder);
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
};

} // namespace

const fs::path& scratchFolder() {
    static Scratch scratch;
    return scratch.folder;
}

fs::path writeScratch(const std::string& name, std::string_view bytes) {
    const fs::path path = scratchFolder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

std::vector<std::string_view> splitInput(const uint8_t* data, size_t size, size_t parts) {
    static constexpr std::string_view separator = "\n@@\n";
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> out;
    while (out.size() + 1 < parts) {
        const size_t at = rest.find(separator);
        if (at == std::string_view::npos)
            break;
        out.push_back(rest.substr(0, at));
        rest.remove_prefix(at + separator.size());
    }
    out.push_back(rest);
    out.resize(parts);
    return out;
}

} // namespace unike::fuzz
