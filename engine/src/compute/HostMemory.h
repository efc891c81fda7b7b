#pragma once
// The memory the machine can still give this process, as Linux estimates it (MemAvailable),
// so a model too big for it is refused with a message instead of an out-of-memory kill.

namespace unike::compute {

// Bytes; 0 when unknown (no /proc/meminfo), which callers read as "do not check".
double availableHostMemoryBytes();

} // namespace unike::compute
