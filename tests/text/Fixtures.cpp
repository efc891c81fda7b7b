#include "Fixtures.h"

#include "text/ByteLevel.h"
#include "text/Utf8.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>

namespace fixtures {

using unike::text::ByteLevel;

int byteId(unsigned char b) {
    return 4 + b;
}

HandVocab handVocab() {
    HandVocab v;
    const char* specials[] = {"<s>", "<pad>", "</s>", "<unk>"};
    for (int id = 0; id < 4; ++id)
        v.vocab[specials[id]] = id;
    for (int b = 0; b < 256; ++b)
        v.vocab[ByteLevel::symbol(static_cast<unsigned char>(b))] = byteId(b);
    const std::pair<const char*, const char*> merges[] = {
        {"Ġ", "w"}, {"o", "r"},   {"l", "d"},    {"Ġw", "or"}, {"Ġwor", "ld"}, {"h", "e"},
        {"l", "l"}, {"he", "ll"}, {"hell", "o"}, {"e", "l"},   {"'", "s"}};
    int next = 260;
    for (const auto& [a, b] : merges) {
        v.merges.emplace_back(a, b);
        v.vocab[std::string(a) + b] = next++;
    }
    return v;
}

std::string vocabJson(const HandVocab& v) {
    return nlohmann::json(v.vocab).dump();
}

std::string mergesTxt(const HandVocab& v) {
    std::string out = "#version: 0.2\n";
    for (const auto& [a, b] : v.merges)
        out += a + " " + b + "\n";
    return out;
}

std::string tokenizerJson(const HandVocab& v, bool pairs) {
    using nlohmann::json;
    json merges = json::array();
    for (const auto& [a, b] : v.merges)
        merges.push_back(pairs ? json::array({a, b}) : json(a + " " + b));
    json added = json::array();
    const char* specials[] = {"<s>", "<pad>", "</s>", "<unk>"};
    for (int id = 0; id < 4; ++id)
        added.push_back({{"id", id},
                         {"content", specials[id]},
                         {"single_word", false},
                         {"lstrip", false},
                         {"rstrip", false},
                         {"normalized", true},
                         {"special", true}});
    const json bos = {{"SpecialToken", {{"id", "</s>"}, {"type_id", 0}}}};
    const json seqA = {{"Sequence", {{"id", "A"}, {"type_id", 0}}}};
    json j = {
        {"version", "1.0"},
        {"truncation", nullptr},
        {"padding", nullptr},
        {"added_tokens", added},
        {"normalizer", nullptr},
        {"pre_tokenizer",
         {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}}},
        {"post_processor",
         {{"type", "TemplateProcessing"},
          {"single", {bos, seqA}},
          {"pair", json::array()},
          {"special_tokens", {{"</s>", {{"id", "</s>"}, {"ids", {2}}, {"tokens", {"</s>"}}}}}}}},
        {"decoder", {{"type", "ByteLevel"}, {"add_prefix_space", true}}},
        {"model",
         {{"type", "BPE"},
          {"dropout", nullptr},
          {"unk_token", nullptr},
          {"continuing_subword_prefix", ""},
          {"end_of_word_suffix", ""},
          {"fuse_unk", false},
          {"vocab", v.vocab},
          {"merges", merges}}}};
    return j.dump(1);
}

std::vector<std::string> corpus(size_t sentences, uint32_t seed) {
    const char* colors[] = {"red", "blue", "green", "yellow", "purple", "orange", "grey"};
    const char* shapes[] = {"cube", "sphere", "cylinder", "cone", "torus", "pyramid"};
    const char* relations[] = {"left of", "right of", "above", "below", "behind", "next to"};
    const char* names[] = {"Ada", "Bertrand", "Chloé", "Dmitri", "Émile", "Hiroshi", "Zoë"};
    const char* places[] = {"the garden", "Paris", "the lab", "Kyoto", "the café", "Oslo"};
    std::mt19937 rng(seed);
    auto pick = [&](const auto& list) {
        return std::string(list[rng() % (sizeof(list) / sizeof(list[0]))]);
    };
    std::vector<std::string> out;
    for (size_t i = 0; i < sentences; ++i) {
        switch (rng() % 4) {
        case 0:
            out.push_back("The " + pick(colors) + " " + pick(shapes) + " is " + pick(relations) +
                          " the " + pick(colors) + " " + pick(shapes) + ".");
            break;
        case 1:
            out.push_back(pick(names) + " lives in " + pick(places) + " and owns " +
                          std::to_string(rng() % 20) + " " + pick(shapes) + "s.");
            break;
        case 2:
            out.push_back("Q: What colour is the " + pick(shapes) + "?\nA: It's " + pick(colors) +
                          ".");
            break;
        default:
            out.push_back(pick(names) + "'s " + pick(shapes) + " was made in " +
                          std::to_string(1900 + rng() % 120) + "!");
        }
    }
    return out;
}

std::string randomUtf8(uint32_t& state, size_t codePoints) {
    std::mt19937 rng(state++);
    // Weighted toward the hard cases: white space of every kind, marks, emoji parts, BOMs.
    const char32_t specials[] = {U' ',    U' ',   U'\t',  U'\n',  U'\r',   0x0B,    0x0C,
                                 0x85,    0xA0,   0x1680, 0x2000, 0x2028,  0x2029,  0x3000,
                                 0xFEFF,  0x200D, 0xFE0F, 0x0301, 0x1F3FD, 0x1F468, 0x1F469,
                                 0x1F600, U'\'',  U's',   0x1C,   0x1F,    0x0,     0x7F};
    std::string out;
    for (size_t i = 0; i < codePoints; ++i) {
        char32_t cp;
        switch (rng() % 6) {
        case 0:
            cp = specials[rng() % (sizeof(specials) / sizeof(specials[0]))];
            break;
        case 1:
        case 2:
            cp = 0x20 + rng() % 0x5F; // printable ASCII
            break;
        case 3:
            cp = 0x80 + rng() % 0x780; // Latin, Greek, Cyrillic, Hebrew, Arabic...
            break;
        case 4:
            cp = 0x3000 + rng() % 0x7000; // CJK
            break;
        default:
            cp = rng() % 0x110000; // anything, planes 1-16 included
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD; // surrogates are not characters
        unike::text::appendUtf8(out, cp);
    }
    return out;
}

std::vector<std::string> trickyStrings() {
    return {"",
            " ",
            "   ",
            "\n",
            "\t\t x",
            "Hello world's  x\n\n y",
            "\xEF\xBB\xBFHello, BOM", // a leading U+FEFF
            "\xEF\xBB\xBF",           // only a BOM
            "a\xC2\x85"
            "b \xC2\x85 c\xC2\x85", // U+0085 NEXT LINE
            "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 family",
            "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88 flag", // 🏳️‍🌈
            "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD thumbs",                       // 👍🏽
            "e\xCC\x81\xCC\x82 cafe\xCC\x81",                                // combining marks
            "\xE4\xB8\xAD\xE6\x96\x87 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xED\x95\x9C",
            "x\r\n\r\ny",
            "   leading and trailing   ",
            "don't STOP'S 'll''ve",
            "\xF0\x9D\x94\x98\xF0\x9D\x94\xAB\xF0\x9D\x94\xA6", // mathematical letters
            std::string("nul\0byte\x01\x7F", 10),
            "\xE3\x80\x80ideographic\xC2\xA0nbsp\xE2\x80\xA8ls",
            "12345 3.14159 \xD9\xA3\xD9\xA4 \xC2\xBD",
            "tabs\tand\vform\ffeeds"};
}

void writeFile(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

} // namespace fixtures
