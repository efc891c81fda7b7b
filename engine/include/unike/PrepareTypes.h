#pragma once
// Value types of `prepare` (METHOD.md §5-6) and of sessions.

#include <string>
#include <vector>

namespace unike {

struct PrepareParams {
    // MMEdit-format data whose training split gives the triplets; empty: a demo
    // benchmark drawn from the model's world.json into the cache.
    std::string dataFolder;
    size_t limit = 0; // triplets; 0: all
    int epochs = 30;  // encoder training epochs
    double learningRate = 1e-4;
    int truthDims = 64;   // d_t
    bool force = false;   // rebuild even when a cached artefact matches
    std::string cacheDir; // empty: beside the model when writable, else the user's cache
};

struct PreparationInfo {
    std::string artefactPath;
    std::string modelHash;
    std::string dataHash;
    int version = 0;
    int triplets = 0;
    std::vector<int> layers;
    double semanticLoss = 0, truthLoss = 0;
    // Held-out checks of the encoders (see EncoderTraining.h): 0.5 means the
    // truthfulness space does not separate right from wrong answers.
    double truthAccuracy = 0, semanticRecall = 0;
    double seconds = 0;
    bool reused = false; // loaded from the cache rather than built
};

struct SessionSaveParams {
    std::string path;
    std::string userJson; // the caller's own state (the Studio's), stored as given
};

struct SessionInfo {
    std::string path;
    std::string modelHash;
    int edits = 0;
    std::string userJson;
};

} // namespace unike
