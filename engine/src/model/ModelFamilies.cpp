#include "model/ModelFamilies.h"

#include "io/ModelType.h"
#include "model/blip2/Blip2Files.h"
#include "model/llama/LlamaFiles.h"
#include "model/llava/LlavaFiles.h"

#include <unike/Error.h>

namespace unike::model {

const std::vector<ModelFamily>& modelFamilies() {
    static const std::vector<ModelFamily> families = {
        {"blip-2", "BLIP-2 with an OPT language model",
         [](const std::string& folder, const LoadOptions& options, const Progress& progress) {
             return std::shared_ptr<MultimodalModel>(loadBlip2(folder, options, progress));
         }},
        {"llava", "LLaVA: CLIP + LLaMA",
         [](const std::string& folder, const LoadOptions& options, const Progress& progress) {
             return std::shared_ptr<MultimodalModel>(loadLlava(folder, options, progress));
         }},
        {"llama", "LLaMA, text only",
         [](const std::string& folder, const LoadOptions& options, const Progress& progress) {
             return std::shared_ptr<MultimodalModel>(loadLlama(folder, options, progress));
         }},
    };
    return families;
}

std::string supportedFamiliesText() {
    std::string text = "UniKE runs these model types:";
    for (const ModelFamily& family : modelFamilies())
        text += " \"" + family.modelType + "\" (" + family.description + ")" +
                (&family == &modelFamilies().back() ? "" : ",");
    return text;
}

namespace {

const ModelFamily& familyOf(const std::string& folder) {
    const std::string configPath = folder + "/config.json";
    const std::string type =
        io::readModelType(readConfigText(folder), configPath, supportedFamiliesText());
    for (const ModelFamily& family : modelFamilies())
        if (family.modelType == type)
            return family;
    throw Error(ErrorKind::Unsupported,
                configPath + " describes a \"" + type + "\" model; " + supportedFamiliesText());
}

} // namespace

void checkFamilySupported(const std::string& folder) {
    familyOf(folder);
}

std::shared_ptr<MultimodalModel> loadModel(const std::string& folder, const LoadOptions& options,
                                           const Progress& progress) {
    return familyOf(folder).load(folder, options, progress);
}

} // namespace unike::model
