#pragma once
// The demo model's shape, in one place for the trainer and the benchmarks.

#include "io/ModelConfig.h"

namespace unike::model {

// Small enough to train on 2 CPU cores in under 30 minutes (EVIDENCE.md), with
// cross-attention in every Q-Former layer. Patch 12 on 48 px (16 image tokens):
// measured, the vision-only warm-up learned shape with it (patch 6 and 8 stayed at
// chance for minutes), and its steps are about 3x cheaper.
io::Blip2Config demoBlip2Config(int vocabSize, int imageSize = 48, int patchSize = 12,
                                int visionLayers = 2);

} // namespace unike::model
