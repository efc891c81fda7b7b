#pragma once
// The evaluation protocols of METHOD.md §9 as lists of chunks of record indices. Within a chunk
// the edits are applied one after another and all are scored after the last; the model is reset
// between chunks.

#include "data/MmeditRecord.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace unike::data {

using Chunks = std::vector<std::vector<size_t>>;
// One edit of a cross-task run: which data set, which record of it.
using TaskEdit = std::pair<MmeditTask, size_t>;

// One-step: {0}, {1}, ..., {n-1} (a reset after every edit).
Chunks oneStepChunks(size_t n);

// Sequential K: {0..K-1}, {K..2K-1}, ...; the last chunk keeps the remainder, so no edit is lost.
// Throws Error(InvalidInput) when k is 0.
Chunks sequentialChunks(size_t n, size_t k);

// Cross-task: chunks of k edits, k/2 VQA and k/2 caption, interleaved (VQA, caption, VQA, ...)
// so both tasks are edited throughout the chunk. Both tasks contribute equally: min(nVqa,
// nCaption) edits of each, in order; the larger set's surplus is not used. The last chunk may be
// shorter but stays balanced. Throws Error(InvalidInput) when k is 0 or odd.
std::vector<std::vector<TaskEdit>> crossTaskChunks(size_t nVqa, size_t nCaption, size_t k = 10);

struct EditProtocol {
    enum class Kind { OneStep, Sequential };
    Kind kind = Kind::OneStep;
    size_t chunkSize = 1; // K for Sequential; 1 for OneStep

    std::string name() const; // "one-step" or "seq:K", what parseEditProtocol reads
    Chunks chunks(size_t n) const;
};

// Reads "one-step" or "seq:K" (K a positive integer). Throws Error(InvalidInput) saying what was
// wrong and which forms are accepted.
EditProtocol parseEditProtocol(const std::string& text);

} // namespace unike::data
