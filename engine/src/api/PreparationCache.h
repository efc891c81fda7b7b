#pragma once
// Where preparation artefacts live: beside the model (its prepared/ folder) when
// that is writable, else in the user's cache (XDG_CACHE_HOME or ~/.cache), under
// unike-studio/prepared/<model hash>/. The file name carries the data hash.

#include <optional>
#include <string>

namespace unike {

// The folder new artefacts for this model go to (created on demand).
std::string preparationFolder(const std::string& modelFolder, const std::string& modelHash,
                              const std::string& cacheDir);
std::string preparationFileName(const std::string& modelHash, const std::string& dataHash);
// The newest artefact for this model in any of the known places, if one exists.
std::optional<std::string> findPreparation(const std::string& modelFolder,
                                           const std::string& modelHash);
// The user's cache folder for UniKE Studio.
std::string userCacheFolder();

} // namespace unike
