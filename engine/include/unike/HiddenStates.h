#pragma once
// Captured hidden states for the spaces views (METHOD.md §5-6): one row per
// input, tagged with its role and the edit it belongs to, optionally passed
// through the semantic or truthfulness encoder.

#include <unike/ModelTypes.h>
#include <unike/Projection.h>

#include <string>
#include <vector>

namespace unike {

enum class StateSpace {
    Raw,          // the hidden state entering the layer at the prompt's last token
    Semantic,     // Enc_sem of it
    Truthfulness, // Enc_tru of the state at the last token of prompt + answer
};

const char* stateSpaceName(StateSpace space);
StateSpace parseStateSpace(const std::string& name); // throws Error(InvalidInput)

// One input to capture, given directly (the Studio's probes) rather than from a dataset.
struct StateInput {
    ImageInput image; // empty: text only
    std::string prompt;
    PromptStyle style = PromptStyle::Vqa;
    std::string answer; // the answer appended for the truthfulness space; may be empty
    // edit, rephrase, image-rephrase, text-locality, image-locality, positive, negative
    std::string role;
    int editIndex = -1; // the case or edit it belongs to, -1 when none
};

struct StatesParams {
    std::string dataFolder;         // MMEdit-format data; or leave empty and give inputs
    std::string task = "vqa";       // vqa or caption
    std::vector<StateInput> inputs; // used when dataFolder is empty
    int layer = -1;                 // -1: the first edited layer
    StateSpace space = StateSpace::Raw;
    size_t limit = 0;        // cases of the dataset; 0: all
    std::string sessionPath; // also load this session and capture after its edits
    // Capture before and after the session's live edits (or the loaded session's),
    // so both can be projected together. With no edits only "before" is captured.
    bool beforeAndAfter = true;
};

struct StateTag {
    std::string role;
    int editIndex = -1;
    std::string text;      // the prompt (and answer, in the truthfulness space)
    std::string imagePath; // "" for text-only rows or in-memory images
    std::string phase;     // "before" or "after" the edits
};

struct HiddenStates {
    PointMatrix points; // one row per tag
    std::vector<StateTag> tags;
    int layer = 0;
    StateSpace space = StateSpace::Raw;
};

// Writes FILE (safetensors: "states", float32 rows x dim) and FILE.csv (the tags).
void writeHiddenStates(const HiddenStates& states, const std::string& path);
// Reads what writeHiddenStates wrote.
HiddenStates readHiddenStates(const std::string& path);

} // namespace unike
