#pragma once
// The engine's facade: one object per session that owns the loaded model and
// runs every operation. Long operations take a Progress (fraction, message,
// cancel). Errors are unike::Error with a message a person can act on.
// Not thread-safe: call it from one thread (the Studio's EngineWorker).

#include <unike/EditTypes.h>
#include <unike/EvalTypes.h>
#include <unike/ModelTypes.h>
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

    // Trains an edit and makes it live. The session is unchanged when it fails or
    // is cancelled.
    EditSummary applyEdit(const EditParams& params, const Progress& progress = Progress());
    void setEditEnabled(int id, bool enabled);
    void renameEdit(int id, const std::string& name);
    void removeEdit(int id);
    void removeAllEdits();
    std::vector<EditSummary> edits() const;

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
