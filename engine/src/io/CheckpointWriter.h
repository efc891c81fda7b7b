#pragma once
// Saves tensors as a Hugging Face weights folder that CheckpointFiles and transformers load:
// one `model.safetensors`, or K shards `model-0000i-of-0000K.safetensors` plus
// `model.safetensors.index.json` (transformers' names and index layout).

#include "io/SafetensorsWriter.h"

#include <string>
#include <vector>

namespace unike::io {

// Writes `tensors` into `folder` (created if missing) as `shardCount` files. Tensors are
// sorted by name and split into consecutive groups of (nearly) equal count. Every file gets
// the metadata {"format": "pt"}, which transformers checks before loading.
//
// A stale weights entry point that would shadow the new one is removed afterwards: an old
// model.safetensors when writing shards (transformers prefers it over the index), an old index
// when writing one file. Other files are left alone.
//
// Throws Error(InvalidInput) for shardCount < 1, more shards than tensors, or a bad tensor, and
// Error(File) when a file cannot be written.
void writeCheckpoint(const std::string& folder, std::vector<TensorData> tensors,
                     int shardCount = 1);

// The shard file name transformers uses: shardFileName(0, 3) == "model-00001-of-00003.safetensors".
std::string shardFileName(int index, int count);

} // namespace unike::io
