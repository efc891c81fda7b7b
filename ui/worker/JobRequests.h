#pragma once
// Requests for the worker's compound jobs, which run several engine calls in a row.

#include <unike/HiddenStates.h>
#include <unike/Projection.h>

#include <string>
#include <vector>

namespace unike::ui {

// Both spaces (semantic and truthfulness) of the same inputs, projected with PCA
// at once and then, when asked, with t-SNE (animated through snapshots).
struct SpacesRequest {
    std::string dataFolder; // MMEdit-format data; empty: `inputs`
    std::vector<unike::StateInput> inputs;
    size_t limit = 8;
    bool tsne = false;
    double perplexity = 10.0;
    int iterations = 500;
    unsigned long long seed = 42;
};

} // namespace unike::ui
