#include "api/PreparationCache.h"

#include <unike/Error.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace unike {
namespace fs = std::filesystem;
namespace {

bool writableFolder(const fs::path& folder) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        return false;
    const fs::path probe = folder / ".write-test";
    FILE* file = std::fopen(probe.string().c_str(), "w");
    if (!file)
        return false;
    std::fclose(file);
    fs::remove(probe, error);
    return true;
}

std::vector<fs::path> candidateFolders(const std::string& modelFolder,
                                       const std::string& modelHash) {
    return {fs::path(modelFolder) / "prepared",
            fs::path(userCacheFolder()) / "prepared" / modelHash};
}

} // namespace

std::string userCacheFolder() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "unike-studio").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".cache" / "unike-studio").string();
    return (fs::temp_directory_path() / "unike-studio-cache").string();
}

std::string preparationFileName(const std::string& modelHash, const std::string& dataHash) {
    return "prepared-" + modelHash + "-" + dataHash + ".safetensors";
}

std::string preparationFolder(const std::string& modelFolder, const std::string& modelHash,
                              const std::string& cacheDir) {
    if (!cacheDir.empty()) {
        if (!writableFolder(cacheDir))
            throw Error(ErrorKind::File, "cannot write to the cache folder '" + cacheDir + "'");
        return cacheDir;
    }
    for (const fs::path& folder : candidateFolders(modelFolder, modelHash))
        if (writableFolder(folder))
            return folder.string();
    throw Error(ErrorKind::File, "neither the model folder nor " + userCacheFolder() +
                                     " is writable; give a cache folder");
}

std::optional<std::string> findPreparation(const std::string& modelFolder,
                                           const std::string& modelHash) {
    std::optional<fs::path> newest;
    fs::file_time_type newestTime{};
    const std::string prefix = "prepared-" + modelHash + "-";
    for (const fs::path& folder : candidateFolders(modelFolder, modelHash)) {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".safetensors")
                continue;
            const auto time = fs::last_write_time(entry.path(), error);
            if (!newest || time > newestTime) {
                newest = entry.path();
                newestTime = time;
            }
        }
    }
    if (!newest)
        return std::nullopt;
    return newest->string();
}

} // namespace unike
