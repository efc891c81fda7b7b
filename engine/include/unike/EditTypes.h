#pragma once
// Value types of the facade's editing operations.

#include <unike/ModelTypes.h>

#include <string>
#include <utility>
#include <vector>

namespace unike {

struct EditParams {
    ImageInput image; // empty: a text-only edit
    std::string question;
    PromptStyle style = PromptStyle::Vqa;
    std::string target;
    std::vector<std::string> rephrasings; // extra prompts to check generality on
    // ft, ike, tpatcher, latent-ike, intrinsic+ike, intrinsic+latent-ike or unike.
    std::string method = "unike";
    std::string hyperParamsJson;                                // overrides, as a JSON object
    std::vector<std::pair<std::string, std::string>> overrides; // key=value, applied last
    std::string name; // shown in the edit history; default: the question
};

struct EditSummary {
    int id = 0;
    std::string name;
    std::string method;
    std::string prompt;
    std::string target;
    bool enabled = true;
    int steps = 0;
    double seconds = 0.0;
    std::string hyperParamsJson;
    std::vector<int> layers;
    // Provenance (METHOD.md §7): the norms of what it added, the image's hash.
    double addedNorm = 0.0;
    std::string imageHash;
    std::string createdAt; // ISO 8601, UTC
};

// The methods applyEdit knows, in the order the UI lists them.
const std::vector<std::string>& editMethods();

} // namespace unike
