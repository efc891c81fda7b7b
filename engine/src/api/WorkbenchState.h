#pragma once
// The Workbench's private state: the loaded model, its tokenizer and its image
// processor. Shared by the facade's source files.

#include "model/Blip2Model.h"
#include "text/BpeTokenizer.h"
#include "vision/ImageDecoder.h"
#include "vision/ImagePreprocessor.h"

#include <unike/ModelTypes.h>
#include <unike/Workbench.h>

#include <memory>
#include <optional>

namespace unike {

struct LoadedModel {
    std::shared_ptr<model::Blip2Model> model;
    text::BpeTokenizer tokenizer;
    vision::ImagePreprocessor preprocessor;
    ModelInfo info;
};

struct Workbench::Impl {
    std::optional<LoadedModel> loaded;
    vision::ImageDecoder decoder;

    const LoadedModel& require() const;
    // Decodes and preprocesses an image into pixel_values (1, 3, H, W) on the model's device.
    torch::Tensor pixelValues(const ImageInput& image) const;
    vision::RgbImage decode(const ImageInput& image) const;
};

} // namespace unike
