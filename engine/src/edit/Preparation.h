#pragma once
// The per-model artefact `prepare` builds (METHOD.md §5-6): for each edited layer
// the knowledge bank, the semantic and truthfulness encoders and a memory of
// unrelated FFN inputs (T-Patcher's memory loss); and zeta, the truthfulness
// direction. Saved as one safetensors file whose metadata holds the provenance.

#include "edit/KnowledgeBank.h"
#include "edit/SpaceEncoder.h"

#include <map>
#include <string>
#include <vector>

namespace unike::edit {

class EditStack;

struct Preparation {
    static constexpr int kVersion = 1;

    std::string modelHash, dataHash;
    std::vector<int> layers;
    std::map<int, KnowledgeBank> banks;
    std::map<int, SpaceEncoder> semantic, truth;
    std::map<int, torch::Tensor> memory; // (M, D) FFN inputs per layer
    torch::Tensor zeta;                  // (d_t), from the top edited layer's Enc_tru
    int triplets = 0;
    double semanticLoss = 0, truthLoss = 0, seconds = 0;
    double truthAccuracy = 0, semanticRecall = 0; // held-out checks, mean over layers

    // Gives a stack the banks, the semantic encoders and zeta.
    void installInto(EditStack& stack) const;

    void save(const std::string& path) const;
    // Throws Error(File) for a missing, malformed or newer-version file.
    static Preparation load(const std::string& path, torch::Device device, torch::ScalarType dtype);
};

} // namespace unike::edit
