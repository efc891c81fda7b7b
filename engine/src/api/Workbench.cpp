#include "api/EditMethods.h"
#include "api/PreparationCache.h"
#include "api/WorkbenchState.h"
#include "compute/Device.h"
#include "io/ContentHash.h"
#include "model/ModelFamilies.h"

#include <unike/Error.h>
#include <unike/Logging.h>
#include <unike/Resources.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace unike {
namespace fs = std::filesystem;

Workbench::Workbench()
    : impl_(std::make_unique<Impl>()) {}

Workbench::~Workbench() = default;

const LoadedModel& Workbench::Impl::require() const {
    if (!loaded)
        throw Error(ErrorKind::InvalidInput, "no model is loaded; open a model first");
    return *loaded;
}

EditSession& Workbench::Impl::requireSession() const {
    require();
    return *editSession;
}

void Workbench::Impl::open(LoadedModel next) {
    auto session = std::make_unique<EditSession>(*next.model);
    if (next.preparation)
        session->usePreparation(*next.preparation);
    editSession.reset(); // the old session's stack refers to the old model
    loaded = std::move(next);
    editSession = std::move(session);
}

void Workbench::Impl::install(std::shared_ptr<const edit::Preparation> prepared,
                              const std::string& path, bool reused) {
    LoadedModel& m = require();
    m.install(std::move(prepared), path, reused);
    requireSession().usePreparation(*m.preparation);
}

void Workbench::Impl::installFile(const std::string& path) {
    LoadedModel& m = require();
    m.installFile(path);
    requireSession().usePreparation(*m.preparation);
}

vision::RgbImage Workbench::Impl::decode(const ImageInput& image) const {
    if (!image.path.empty())
        return decoder.decodeFile(image.path);
    return decoder.decodeBytes(image.bytes, image.name.empty() ? "the image" : image.name);
}

std::string Workbench::Impl::imageHash(const ImageInput& image) const {
    if (image.empty())
        return {};
    io::ContentHash hash;
    if (!image.path.empty())
        hash.addFile(image.path);
    else
        hash.add(image.bytes.data(), image.bytes.size());
    return hash.hex();
}

torch::Tensor Workbench::Impl::pixelValues(const ImageInput& image) const {
    const LoadedModel& m = require();
    return model::pixelValues(m.preprocessor.preprocess(decode(image)).pixels)
        .to(m.model->device(), m.model->dtype());
}

torch::Tensor LoadedModel::imagePrefix(const vision::RgbImage& image) const {
    return model->imagePrefix(model::pixelValues(preprocessor.preprocess(image).pixels)
                                  .to(model->device(), model->dtype()));
}

std::string modelFolderHash(const std::string& folder) {
    io::ContentHash hash;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name == "config.json" || name == "tokenizer.json" ||
            entry.path().extension() == ".safetensors")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        hash.add(file.filename().string());
        hash.addFileSample(file.string());
    }
    return hash.hex();
}

edit::EditHyperParams
LoadedModel::hyperParams(const std::string& method, const std::string& json,
                         const std::vector<std::pair<std::string, std::string>>& overrides) const {
    return methodHyperParams(method, json, overrides, editDefaults.forMethod(method));
}

LoadedModel loadModelFolder(const std::string& folder, const model::LoadOptions& options,
                            const Progress& progress) {
    model::checkFamilySupported(folder); // before the tokenizer: say what the folder is
    progress.report(0.0, "reading the tokenizer");
    LoadedModel next;
    next.tokenizer = text::loadTokenizer(folder);
    const fs::path processorFile = fs::path(folder) / "preprocessor_config.json";
    if (fs::exists(processorFile))
        next.preprocessor =
            vision::ImagePreprocessor(vision::ImageProcessorConfig::fromFile(processorFile));
    next.editDefaults = ModelEditDefaults::readFolder(folder); // before the weights: cheap
    next.model = model::loadModel(folder, options, progress.subRange(0.05, 1.0));
    // A family that marks the image in the text needs the tokenizer to know that mark, or
    // every image would be dropped without a word (the model reads rows without it as text).
    if (const int64_t imageToken = next.model->imageTokenId(); imageToken >= 0) {
        const auto ids = next.tokenizer->encode(
            next.model->prompts().prompt("?", model::PromptKind::Raw, "", true), false);
        if (std::find(ids.begin(), ids.end(), int(imageToken)) == ids.end())
            throw Error(ErrorKind::Model, "the tokenizer in '" + folder +
                                              "' does not turn the image mark into the image "
                                              "token (id " +
                                              std::to_string(imageToken) +
                                              "); add it to tokenizer.json's added_tokens");
    }
    const int64_t imageSize = next.model->imageSize();
    // The processor must produce what the vision tower expects.
    const vision::ImageProcessorConfig& processing = next.preprocessor.config();
    if (next.model->hasVision() &&
        (processing.outputHeight() != imageSize || processing.outputWidth() != imageSize)) {
        if (fs::exists(processorFile))
            throw Error(ErrorKind::Model,
                        "preprocessor_config.json in '" + folder +
                            "' resizes to a size the vision model does not take (" +
                            std::to_string(imageSize) + ")");
        vision::ImageProcessorConfig processor;
        processor.height = processor.width = int(imageSize);
        next.preprocessor = vision::ImagePreprocessor(processor);
    }
    return next;
}

ModelInfo Workbench::loadModel(const ModelLoadParams& params, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const std::string folder = params.folder.empty() ? demoModelFolder() : params.folder;
    model::LoadOptions options;
    options.device = compute::parseDevice(params.device);
    options.dtype = compute::parseDType(params.dtype, options.device);

    LoadedModel next = loadModelFolder(folder, options, progress);
    const model::MultimodalModel& loaded = *next.model;

    ModelInfo& info = next.info;
    info.folder = folder;
    info.name = fs::path(folder).filename().string();
    info.device = compute::deviceName(options.device);
    info.dtype = compute::dtypeName(options.dtype);
    info.parameters = next.model->parameters().parameterCount();
    info.weightBytes = next.model->parameters().byteSize();
    info.family = loaded.family();
    info.architecture = loaded.architecture();
    info.tokenizer = next.tokenizer->kind();
    info.decoderLayers = loaded.decoder().layerCount();
    info.hiddenSize = int(loaded.decoder().hiddenSize());
    info.vocabSize = int(loaded.decoder().vocabSize());
    info.queryTokens = int(loaded.visualTokenCount());
    info.imageSize = int(loaded.imageSize());
    info.hash = modelFolderHash(folder);
    info.editDefaults = next.editDefaults.summary();
    info.warnings = loaded.loadWarnings();
    if (!info.editDefaults.empty())
        logMessage(LogLevel::Info, "the model folder sets its own editing defaults (" +
                                       std::string(ModelEditDefaults::kFileName) +
                                       "): " + info.editDefaults);
    info.loadSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // A cached preparation of this model comes along; a broken one is only a warning,
    // since the model itself is fine and prepare can rebuild it.
    if (const auto artefact = findPreparation(folder, info.hash)) {
        try {
            next.installFile(*artefact);
        } catch (const Error& e) {
            logMessage(LogLevel::Warn, std::string("ignoring a preparation artefact: ") + e.what());
        }
    }
    impl_->open(std::move(next));
    progress.report(1.0, "model loaded");
    return impl_->loaded->info;
}

bool Workbench::hasModel() const {
    return impl_->loaded.has_value();
}

const ModelInfo& Workbench::modelInfo() const {
    return impl_->require().info;
}

std::vector<int> Workbench::tokenize(const std::string& text, bool addSpecialTokens) const {
    return impl_->require().tokenizer->encode(text, addSpecialTokens);
}

std::string Workbench::detokenize(const std::vector<int>& ids, bool skipSpecialTokens) const {
    return impl_->require().tokenizer->decode(ids, skipSpecialTokens);
}

} // namespace unike
