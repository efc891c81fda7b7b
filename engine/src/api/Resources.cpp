#include <unike/Error.h>
#include <unike/Resources.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#ifndef UNIKE_SOURCE_RESOURCES
#define UNIKE_SOURCE_RESOURCES ""
#endif
#ifndef UNIKE_INSTALL_RESOURCES
#define UNIKE_INSTALL_RESOURCES ""
#endif

namespace unike {
namespace fs = std::filesystem;
namespace {

std::vector<fs::path> candidates() {
    std::vector<fs::path> out;
    if (const char* env = std::getenv("UNIKE_RESOURCES_DIR"); env && *env)
        out.emplace_back(env);
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path bin = exe.parent_path();
        out.push_back(bin / ".." / "share" / "unike-studio"); // installed prefix
        out.push_back(bin / ".." / ".." / "resources");       // build/bin in a checkout
    }
    if (*UNIKE_INSTALL_RESOURCES)
        out.emplace_back(UNIKE_INSTALL_RESOURCES);
    if (*UNIKE_SOURCE_RESOURCES)
        out.emplace_back(UNIKE_SOURCE_RESOURCES);
    return out;
}

} // namespace

std::string resourcesDirectory() {
    for (const fs::path& dir : candidates()) {
        std::error_code error;
        if (fs::is_directory(dir / "models", error) || fs::is_directory(dir / "images", error))
            return fs::weakly_canonical(dir, error).string();
    }
    return {};
}

std::string demoModelFolder() {
    std::string looked;
    for (const fs::path& dir : candidates()) {
        std::error_code error;
        const fs::path model = dir / "models" / "demo";
        if (fs::exists(model / "config.json", error))
            return fs::weakly_canonical(model, error).string();
        looked += (looked.empty() ? "" : ", ") + model.string();
    }
    throw Error(ErrorKind::File, "the embedded demo model was not found (looked in " + looked +
                                     "); pass --model DIR or set UNIKE_RESOURCES_DIR");
}

} // namespace unike
