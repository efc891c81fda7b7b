#include "data/EditProtocol.h"

#include <unike/Error.h>

#include <algorithm>
#include <limits>

namespace unike::data {

namespace {

[[noreturn]] void badProtocol(const std::string& text, const std::string& why) {
    throw Error(ErrorKind::InvalidInput, "cannot read the edit protocol '" + text + "': " + why +
                                             "; use 'one-step' (reset after every edit) or "
                                             "'seq:K' (K edits in a row, e.g. seq:10)");
}

} // namespace

Chunks oneStepChunks(size_t n) {
    Chunks chunks(n);
    for (size_t i = 0; i < n; ++i)
        chunks[i] = {i};
    return chunks;
}

Chunks sequentialChunks(size_t n, size_t k) {
    if (k == 0)
        throw Error(ErrorKind::InvalidInput, "a sequential chunk needs at least one edit (K >= 1)");
    Chunks chunks;
    for (size_t begin = 0; begin < n; begin += k) {
        std::vector<size_t> chunk;
        for (size_t i = begin; i < std::min(n, begin + k); ++i)
            chunk.push_back(i);
        chunks.push_back(std::move(chunk));
    }
    return chunks;
}

std::vector<std::vector<TaskEdit>> crossTaskChunks(size_t nVqa, size_t nCaption, size_t k) {
    if (k == 0 || k % 2 != 0)
        throw Error(ErrorKind::InvalidInput,
                    "a cross-task chunk holds as many VQA as caption edits, so its size must be "
                    "even and positive, not " +
                        std::to_string(k));
    const size_t perTask = k / 2;
    const size_t n = std::min(nVqa, nCaption);
    std::vector<std::vector<TaskEdit>> chunks;
    for (size_t begin = 0; begin < n; begin += perTask) {
        std::vector<TaskEdit> chunk;
        for (size_t i = begin; i < std::min(n, begin + perTask); ++i) {
            chunk.emplace_back(MmeditTask::Vqa, i);
            chunk.emplace_back(MmeditTask::Caption, i);
        }
        chunks.push_back(std::move(chunk));
    }
    return chunks;
}

std::string EditProtocol::name() const {
    return kind == Kind::OneStep ? "one-step" : "seq:" + std::to_string(chunkSize);
}

Chunks EditProtocol::chunks(size_t n) const {
    return kind == Kind::OneStep ? oneStepChunks(n) : sequentialChunks(n, chunkSize);
}

EditProtocol parseEditProtocol(const std::string& text) {
    if (text == "one-step")
        return {EditProtocol::Kind::OneStep, 1};
    const std::string prefix = "seq:";
    if (text.compare(0, prefix.size(), prefix) != 0)
        badProtocol(text, "unknown protocol");
    const std::string number = text.substr(prefix.size());
    if (number.empty())
        badProtocol(text, "K is missing after 'seq:'");
    size_t k = 0;
    for (const char c : number) {
        if (c < '0' || c > '9')
            badProtocol(text, "K must be a positive whole number, not '" + number + "'");
        const size_t digit = static_cast<size_t>(c - '0');
        if (k > (std::numeric_limits<size_t>::max() - digit) / 10)
            badProtocol(text, "K is too large");
        k = k * 10 + digit;
    }
    if (k == 0)
        badProtocol(text, "K must be at least 1");
    return {EditProtocol::Kind::Sequential, k};
}

} // namespace unike::data
