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

namespace {

// The shipped demo models: family, name, and folder under models/.
struct DemoModelPlace {
    const char* family;
    const char* name;
    const char* folder;
};
constexpr DemoModelPlace kDemoModels[] = {
    {"blip-2", "BLIP-2 (OPT) demo", "demo"},
    {"llava", "LLaVA (CLIP + LLaMA) demo", "demo-llava"},
};

// The first candidate's models/<folder> that holds a config.json; "" when none does, with
// the places looked at in `looked`.
std::string findDemoFolder(const char* folder, std::string& looked) {
    for (const fs::path& dir : candidates()) {
        std::error_code error;
        const fs::path model = dir / "models" / folder;
        if (fs::exists(model / "config.json", error))
            return fs::weakly_canonical(model, error).string();
        looked += (looked.empty() ? "" : ", ") + model.string();
    }
    return {};
}

} // namespace

std::string demoModelFolder(const std::string& family) {
    std::string families;
    for (const DemoModelPlace& place : kDemoModels) {
        if (family != place.family) {
            families += (families.empty() ? "" : ", ") + std::string(place.family);
            continue;
        }
        std::string looked;
        const std::string found = findDemoFolder(place.folder, looked);
        if (!found.empty())
            return found;
        throw Error(ErrorKind::File,
                    std::string("the embedded ") + place.name + " model was not found (looked in " +
                        looked +
                        "); pass --model DIR, set UNIKE_RESOURCES_DIR, or train it with "
                        "'unike train-demo --family " +
                        place.family + " --out resources/models/" + place.folder + "'");
    }
    throw Error(ErrorKind::InvalidInput,
                "there is no demo model of the family '" + family + "'; there are " + families);
}

std::vector<DemoModel> demoModels() {
    std::vector<DemoModel> out;
    for (const DemoModelPlace& place : kDemoModels) {
        std::string looked;
        out.push_back({place.family, place.name, findDemoFolder(place.folder, looked)});
    }
    return out;
}

} // namespace unike
