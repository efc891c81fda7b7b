// preprocessor_config.json (BLIP's and CLIP's image processors), read and written back.
#include "FuzzSupport.h"
#include "vision/ImageProcessorConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto config =
            unike::vision::ImageProcessorConfig::fromJson(text, "preprocessor_config.json");
        (void)unike::vision::ImageProcessorConfig::fromJson(config.toJson(), "its own output");
    });
    return 0;
}
