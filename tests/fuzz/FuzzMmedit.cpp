// EasyEdit's MMEdit JSON for both tasks, with its image-path rules: records naming missing
// images or paths outside the data folder are left out, never read.
#include "FuzzSupport.h"
#include "data/MmeditDataset.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto folder = unike::fuzz::scratchFolder() / "mmedit";
    std::filesystem::create_directories(folder);
    unike::fuzz::writeScratch("mmedit/image.png", "not really a png");
    const auto path = unike::fuzz::writeScratch("mmedit/vqa_eval.json",
                                                {reinterpret_cast<const char*>(data), size});
    for (auto task : {unike::data::MmeditTask::Vqa, unike::data::MmeditTask::Caption}) {
        unike::fuzz::expectOnlyUnikeErrors([&] {
            unike::data::MmeditLoadOptions options;
            options.task = task;
            const auto result = unike::data::loadMmeditFile(path.string(), options);
            for (const auto& record : result.records)
                if (!record.imagePath.empty() && std::filesystem::path(record.imagePath)
                                                         .lexically_relative(folder)
                                                         .string()
                                                         .rfind("..", 0) == 0)
                    __builtin_trap(); // a path outside the data folder got through
        });
    }
    return 0;
}
