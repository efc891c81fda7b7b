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
    // The hidden state entering the layer: at the prompt's last token (h_sem, what
    // retrieval and alpha see), or for positive and negative rows at the answer's
    // last token (h_pos, h_neg).
    Raw,
    Semantic,     // Enc_sem of the raw state
    Truthfulness, // Enc_tru of the state at the last token of prompt + answer, every row
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
    int layer = -1;                 // -1: the top edited layer, whose input the edits below move
    StateSpace space = StateSpace::Raw;
    size_t limit = 0;        // cases of the dataset; 0: all
    std::string sessionPath; // load this session (replacing the live edits) first
    // Capture before and after the session's live edits (or the loaded session's),
    // so both can be projected together. With no edits only "before" is captured.
    bool beforeAndAfter = true;
};

struct StateTag {
    std::string role;
    int editIndex = -1;
    std::string text;      // the question or caption prompt as written, never the model's template
    std::string answer;    // the answer whose last token gave the state; "" at the prompt's
    std::string imagePath; // "" for text-only rows or in-memory images
    std::string phase;     // "before" or "after" the edits
};

struct HiddenStates {
    PointMatrix points; // one row per tag
    std::vector<StateTag> tags;
    int layer = 0;
    StateSpace space = StateSpace::Raw;
};

// Writes FILE (safetensors: "states", float32 rows x dim; the layer and space in
// its metadata) and FILE.csv (the tags: index,role,edit,phase,text,answer,image).
void writeHiddenStates(const HiddenStates& states, const std::string& path);
// Writes a projection as CSV with a header: its coordinates (x,y[,z] or c1..cN),
// then, when tags are given (one per row), role,edit,phase,text,answer,image.
void writeProjectionCsv(const Projection& projection, const std::vector<StateTag>& tags,
                        const std::string& path);
// Reads what writeHiddenStates wrote; throws Error(File) when FILE or FILE.csv is
// missing or the two disagree.
HiddenStates readHiddenStates(const std::string& path);

} // namespace unike
