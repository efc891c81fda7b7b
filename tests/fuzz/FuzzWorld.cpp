// world.json, the demo world's definition, read and checked.
#include "FuzzSupport.h"
#include "world/World.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path =
        unike::fuzz::writeScratch("world.json", {reinterpret_cast<const char*>(data), size});
    unike::fuzz::expectOnlyUnikeErrors([&] {
        const auto world = unike::world::World::load(path);
        (void)world.toJson().dump();
    });
    return 0;
}
