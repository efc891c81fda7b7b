#pragma once
// The Workbench's private state: the loaded model as it was loaded (weights, tokenizer,
// image processor, preparation) and the edit session that changes on top of it. Shared by
// the facade's source files.

#include "api/EditSession.h"
#include "api/ModelEditDefaults.h"
#include "edit/EditStack.h"
#include "edit/Preparation.h"
#include "model/Generator.h"
#include "model/MultimodalModel.h"
#include "model/TensorConversions.h"
#include "model/WeightLoading.h"
#include "text/TextTokenizer.h"
#include "vision/ImageDecoder.h"
#include "vision/ImagePreprocessor.h"

#include <unike/ModelTypes.h>
#include <unike/Workbench.h>

#include <memory>
#include <optional>
#include <utility>

namespace unike {

// A model folder as it was read; only its preparation is added later. Edits live in the
// EditSession beside it.
struct LoadedModel {
    std::shared_ptr<model::MultimodalModel> model;
    std::shared_ptr<const text::TextTokenizer> tokenizer;
    vision::ImagePreprocessor preprocessor;
    ModelInfo info;
    ModelEditDefaults editDefaults;                       // the folder's edit_hparams.json
    std::shared_ptr<const edit::Preparation> preparation; // null until prepared
    PreparationInfo preparationInfo;

    // Throws Error(InvalidInput) saying how to prepare when there is no preparation.
    const edit::Preparation& requirePreparation(const std::string& operation) const;
    // Makes `prepared` (saved at `path`) this model's preparation; installFile reads it first.
    void install(std::shared_ptr<const edit::Preparation> prepared, const std::string& path,
                 bool reused);
    void installFile(const std::string& path);

    // A method's settings: its defaults, this folder's, then the person's JSON and overrides.
    edit::EditHyperParams
    hyperParams(const std::string& method, const std::string& json,
                const std::vector<std::pair<std::string, std::string>>& overrides) const;

    // The generator's options for the facade's generation settings.
    model::GenerationOptions generationOptions(const GenerationParams& generation) const;

    // The projected query outputs of a decoded image, (1, Q, D), on the model's device.
    torch::Tensor imagePrefix(const vision::RgbImage& image) const;
};

// Reads a Hugging Face model folder: the weights, the tokenizer, and the image
// processor (checked against the vision tower's input size). `info` is left to the caller.
LoadedModel loadModelFolder(const std::string& folder, const model::LoadOptions& options,
                            const Progress& progress = Progress());

// A fingerprint of a model folder's config, tokenizer and weights.
std::string modelFolderHash(const std::string& folder);

struct Workbench::Impl {
    std::optional<LoadedModel> loaded;
    std::unique_ptr<EditSession> editSession; // with `loaded`
    vision::ImageDecoder decoder;

    const LoadedModel& require() const;
    LoadedModel& require() { return const_cast<LoadedModel&>(std::as_const(*this).require()); }
    // The loaded model's session. Reading operations switch edits off for a while (EditBypass),
    // so even they get it mutable.
    EditSession& requireSession() const;
    // Makes `next` the loaded model, with a new, empty session that uses its preparation.
    void open(LoadedModel next);
    // Installs a preparation into the model and its session (LoadedModel::install).
    void install(std::shared_ptr<const edit::Preparation> prepared, const std::string& path,
                 bool reused);
    void installFile(const std::string& path);
    // Decodes and preprocesses an image into pixel_values (1, 3, H, W) on the model's device.
    torch::Tensor pixelValues(const ImageInput& image) const;
    vision::RgbImage decode(const ImageInput& image) const;
    // The content hash of an image's file or bytes; "" for none.
    std::string imageHash(const ImageInput& image) const;
};

} // namespace unike
