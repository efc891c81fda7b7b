#pragma once
// What a preprocessor_config.json may hold: the processor class it names, the keys each class
// reads, and the keys we knowingly skip because they never change the pixels. In one place so
// that the list of skipped keys is reviewed, not grown by accident.

#include "vision/ImageProcessorConfig.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace unike::vision {

// "image_processor_type"; without it "feature_extractor_type" with FeatureExtractor read as
// ImageProcessor, as AutoImageProcessor does; without either, BLIP (older UniKE folders).
// Throws Unsupported naming an unknown class and listing the supported ones.
ImageProcessorClass readProcessorClass(const nlohmann::json& root, const std::string& source);

// Throws Unsupported, naming the key and `source`, for a key the class does not read and that
// is not a known no-op, or for a no-op key set to a value that would change the pixels.
void checkKeys(const nlohmann::json& root, ImageProcessorClass processorClass,
               const std::string& source);

} // namespace unike::vision
