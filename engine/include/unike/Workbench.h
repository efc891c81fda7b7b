#pragma once
// The engine's facade: one object per session that owns the loaded model and
// runs every operation. Long operations take a Progress (fraction, message,
// cancel). Errors are unike::Error with a message a person can act on.
// Not thread-safe: call it from one thread (the Studio's EngineWorker).

#include <unike/EditTypes.h>
#include <unike/EvalTypes.h>
#include <unike/HiddenStates.h>
#include <unike/ModelTypes.h>
#include <unike/PrepareTypes.h>
#include <unike/Probes.h>
#include <unike/Progress.h>

#include <memory>
#include <string>
#include <vector>

namespace unike {

struct ForwardFileParams {
    std::string inputsPath; // safetensors with pixel_values, input_ids, attention_mask
    std::string outputPath; // receives logits (+ lm_hidden_state_{i})
    bool hidden = false;
};

class Workbench {
public:
    Workbench();
    ~Workbench();
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // Loads a model; the previous one stays when loading fails.
    ModelInfo loadModel(const ModelLoadParams& params, const Progress& progress = Progress());
    bool hasModel() const;
    const ModelInfo& modelInfo() const; // throws when no model is loaded

    AskResult ask(const AskParams& params, const Progress& progress = Progress()) const;
    ImagePreview previewImage(const ImageInput& image) const;

    // Teacher-forced forward on tensors named as transformers names them.
    void forwardFile(const ForwardFileParams& params, const Progress& progress = Progress()) const;

    // Builds (or loads from the cache) the knowledge bank, the semantic and
    // truthfulness encoders and zeta. Editing and evaluation need it; loadModel
    // picks up a cached artefact by itself.
    PreparationInfo prepare(const PrepareParams& params, const Progress& progress = Progress());
    bool isPrepared() const;
    const PreparationInfo& preparation() const; // throws when not prepared

    // Trains an edit and makes it live. The session is unchanged when it fails or
    // is cancelled.
    EditSummary applyEdit(const EditParams& params, const Progress& progress = Progress());
    void setEditEnabled(int id, bool enabled);
    void renameEdit(int id, const std::string& name);
    // Takes an edit out; restoreEdit puts it back in its place (undo of remove and
    // of apply). removeAllEdits forgets every edit, removed ones included.
    void removeEdit(int id);
    void restoreEdit(int id);
    void removeAllEdits();
    std::vector<EditSummary> edits() const;
    // The settings the live edits run with at inference (gate, alpha, ...), as JSON: those of
    // the last applied edit. Undoing that edit (removeEdit) brings back the ones it replaced.
    std::string inferenceSettingsJson() const;

    // Each probe's greedy answer with every edit bypassed and with the live edits.
    std::vector<ProbeOutcome> checkProbes(const std::vector<Probe>& probes,
                                          const GenerationParams& generation = GenerationParams(),
                                          const Progress& progress = Progress()) const;

    // Hidden states of a dataset's rows or of given inputs, before and after the edits.
    HiddenStates captureStates(const StatesParams& params, const Progress& progress = Progress());

    // A session: the live and switched-off edits with their provenance. Loading
    // replaces the current edits and refuses a session made on another model.
    SessionInfo saveSession(const SessionSaveParams& params) const;
    SessionInfo loadSession(const std::string& path, const Progress& progress = Progress());

    // Edits every case of an MMEdit-format benchmark under a protocol, on a stack of
    // its own (the session's edits are not touched), and scores them.
    EvalReport evaluate(const EvalParams& params, const Progress& progress = Progress()) const;

    std::vector<int> tokenize(const std::string& text, bool addSpecialTokens = true) const;
    std::string detokenize(const std::vector<int>& ids, bool skipSpecialTokens = false) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace unike
