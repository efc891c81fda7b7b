// Where the release's files lie in a data folder.

#include "data/MmeditDataset.h"
#include "data/MmeditFields.h"

#include <unike/Error.h>

#include <filesystem>

namespace unike::data {

namespace fs = std::filesystem;

std::string mmeditFileName(MmeditTask task, const std::string& split) {
    if (split != "train" && split != "eval")
        throw Error(ErrorKind::InvalidInput,
                    "unknown MMEdit split '" + split + "'; use 'train' or 'eval'");
    // The caption files carry an "_edit" suffix in the release; the VQA files do not.
    return task == MmeditTask::Vqa ? "vqa_" + split + ".json" : "caption_" + split + "_edit.json";
}

std::string findMmeditFile(const std::string& folder, MmeditTask task, const std::string& split) {
    const std::string name = mmeditFileName(task, split);
    const fs::path root = fs::absolute(folder).lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw Error(ErrorKind::File, "the MMEdit data folder " + root.string() +
                                         " does not exist or is not a folder");
    // Directly in the folder first (a flat copy), then the release's per-task subfolder.
    const fs::path candidates[] = {root / name, root / mmeditTaskName(task) / name};
    for (const fs::path& candidate : candidates)
        if (fs::is_regular_file(candidate, ec))
            return candidate.string();
    throw Error(ErrorKind::File, "no " + std::string(task == MmeditTask::Vqa ? "E-VQA" : "E-IC") +
                                     " " + split + " file in " + root.string() + ": looked for " +
                                     candidates[0].string() + " and " + candidates[1].string() +
                                     "; put the file there or give its path directly");
}

} // namespace unike::data
