#pragma once
// The demo model's shape, in one place for the trainer and the benchmarks.

#include "io/ModelConfig.h"

namespace unike::train {

// Small enough to train on 2 CPU cores in under 30 minutes (EVIDENCE.md), with
// more image tokens than the prototype (patch 6 on 48 px) and cross-attention in
// every Q-Former layer, since shape recognition was the prototype's bottleneck.
io::Blip2Config demoModelConfig(int vocabSize, int imageSize = 48);

} // namespace unike::train
