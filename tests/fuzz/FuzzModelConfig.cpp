// config.json for every family, and the parameter estimate that guards allocation.
#include "FuzzSupport.h"
#include "io/LlavaConfig.h"
#include "io/ModelConfig.h"
#include "io/ModelType.h"
#include "io/ParameterEstimate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    using namespace unike::io;
    unike::fuzz::expectOnlyUnikeErrors(
        [&] { (void)readModelType(text, "config.json", "blip-2, llava or llama"); });
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const Blip2Config config = parseBlip2Config(text, "config.json");
        (void)estimateParameters(config).largest();
        (void)toJson(config);
    });
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const LlavaConfig config = parseLlavaConfig(text, "config.json");
        (void)estimateParameters(config).largest();
        (void)config.featureLayerIndices();
        (void)toJson(config);
    });
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const LlamaConfig config = parseLlamaConfig(text, "config.json");
        (void)estimateParameters(config).largest();
        (void)toJson(config);
    });
    return 0;
}
