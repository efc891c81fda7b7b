#pragma once
// nlohmann's parse with allow_exceptions = false still throws for a number it cannot hold
// (out_of_range 406 for "1e309"), which escaped as a foreign exception (found by fuzzing).
// This reads such text as discarded, like any other malformed JSON.

#include <nlohmann/json.hpp>

#include <string_view>

namespace unike {

inline nlohmann::json parseJsonOrDiscarded(std::string_view text) {
    try {
        return nlohmann::json::parse(text, nullptr, false);
    } catch (const nlohmann::json::exception&) {
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
}

} // namespace unike
