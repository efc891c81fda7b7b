#include "data/Triplets.h"

#include <cctype>

namespace unike::data {

namespace {

std::string normalized(const std::string& text) {
    const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    size_t begin = 0, end = text.size();
    while (begin < end && space(text[begin]))
        ++begin;
    while (end > begin && space(text[end - 1]))
        --end;
    std::string out = text.substr(begin, end - begin);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::vector<Triplet> makeTriplets(const std::vector<MmeditRecord>& records) {
    std::vector<Triplet> triplets;
    triplets.reserve(records.size());
    for (const MmeditRecord& r : records) {
        const std::string right = normalized(r.alt), wrong = normalized(r.pred);
        if (normalized(r.src).empty() || right.empty() || wrong.empty() || right == wrong)
            continue;
        triplets.push_back({r.imagePath.empty() ? r.image : r.imagePath, r.src, r.alt, r.pred});
    }
    return triplets;
}

} // namespace unike::data
