// The safetensors reader: header length, JSON header, dtypes, shapes, offsets and the
// bounds of every tensor's bytes.
#include "FuzzSupport.h"
#include "io/SafetensorsFile.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path =
        unike::fuzz::writeScratch("model.safetensors", {reinterpret_cast<const char*>(data), size});
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto file = unike::io::SafetensorsFile::open(path.string());
        volatile uint8_t sink = 0;
        for (const auto& tensor : file.tensors()) {
            const uint8_t* bytes = file.data(tensor);
            if (tensor.byteSize > 0) // touch both ends: out-of-bounds reads must be impossible
                sink = sink ^ bytes[0] ^ bytes[tensor.byteSize - 1];
        }
        (void)file.metadata();
    });
    return 0;
}
