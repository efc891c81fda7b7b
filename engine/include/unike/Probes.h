#pragma once
// Probes for the Studio's check views: inputs whose answers are compared before
// and after the live edits. Locality probes should not change; generality probes
// (rephrasings, other images) should now give the edit's target.

#include <unike/ModelTypes.h>

#include <string>
#include <vector>

namespace unike {

struct Probe {
    // t-locality, m-locality, rephrase, image-rephrase or edit.
    std::string kind;
    ImageInput image; // empty: text only
    std::string question;
    PromptStyle style = PromptStyle::Vqa;
    std::string expected; // generality: the edit's target; locality: the dataset's answer
    // The metric the probe feeds, for display: "T-Locality", "M-Locality",
    // "T-Generality", "M-Generality" or "Reliability".
    std::string metric() const;
};

struct ProbeOutcome {
    Probe probe;
    std::string before;        // greedy answer with every edit bypassed
    std::string after;         // greedy answer with the live edits
    bool changed = false;      // before != after
    bool hitsExpected = false; // after == expected (trimmed, case-sensitive)
    double tokenAgreement = 0; // 0..1, post-edit argmax agreeing with pre-edit (METHOD.md §9)
};

// The locality probes of an MMEdit-format dataset's first `limit` cases: the
// text locality (loc/loc_ans) and multimodal locality (m_loc...) pairs.
std::vector<Probe> localityProbes(const std::string& dataFolder, const std::string& task = "vqa",
                                  size_t limit = 20);

// Rephrasings of a question that the demo world's held-out templates suggest
// (none for questions it does not recognise).
std::vector<std::string> suggestRephrasings(const std::string& question);

} // namespace unike
