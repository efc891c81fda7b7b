// The image decoder: header sniffing, the size limits read from the header (decompression
// bombs), OpenCV's decoders and EXIF orientation.
#include "FuzzSupport.h"
#include "vision/ImageDecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    unike::vision::ImageLimits limits;
    limits.maxPixels = 4096 * 4096; // the fuzzer's memory limit, not the Studio's
    const unike::vision::ImageDecoder decoder(limits);
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto image = decoder.decodeBytes(data, size, "the fuzzed image");
        if (image.width <= 0 || image.height <= 0)
            __builtin_trap(); // a decoded image must have pixels
    });
    return 0;
}
