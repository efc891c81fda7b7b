// Sessions: the edits with their provenance, saved beside the model's hash so
// that loading against another model is refused.
#include "api/WorkbenchState.h"
#include "core/JsonText.h"
#include "edit/SessionFile.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

namespace unike {

SessionInfo Workbench::saveSession(const SessionSaveParams& params) const {
    const LoadedModel& m = impl_->require();
    if (params.path.empty())
        throw Error(ErrorKind::InvalidInput, "give a file name to save the session to");
    if (!params.userJson.empty() && parseJsonOrDiscarded(params.userJson).is_discarded())
        throw Error(ErrorKind::InvalidInput, "the session's user state is not valid JSON");
    edit::SessionContents session;
    const EditSession& edits = impl_->requireSession();
    session.patches = edits.edits().patches();
    session.modelHash = m.info.hash;
    session.modelName = m.info.name;
    session.inferenceJson = edits.inference().toJson();
    session.userJson = params.userJson;
    edit::writeSessionFile(params.path, session);
    return {params.path, session.modelHash, int(session.patches.size()), params.userJson};
}

SessionInfo Workbench::loadSession(const std::string& path, const Progress& progress) {
    const LoadedModel& m = impl_->require();
    progress.report(0.0, "reading the session");
    edit::SessionContents session;
    try {
        session = edit::readSessionFile(path, m.model->device(), m.model->dtype());
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::File, "the session file '" + path + "' is malformed: " + e.what());
    }
    if (session.modelHash != m.info.hash)
        throw Error(ErrorKind::Model, "the session '" + path + "' was made on another model ('" +
                                          session.modelName + "', hash " + session.modelHash +
                                          "), not on the open '" + m.info.name + "' (hash " +
                                          m.info.hash + "); open that model first");
    // Validate everything before touching the live stack, so a bad file changes nothing.
    edit::EditHyperParams inference;
    if (!session.inferenceJson.empty())
        inference.applyJson(session.inferenceJson, "the session's inference settings");
    const int layers = m.model->decoder().layerCount();
    const int64_t hidden = m.model->decoder().hiddenSize();
    const bool gatedFfn = m.model->decoder().ffnShape().gated;
    for (const auto& patch : session.patches) {
        for (const auto& [layer, neurons] : patch->neurons)
            if (layer < 0 || layer >= layers || neurons.keys.dim() != 2 ||
                neurons.keys.size(0) != hidden || neurons.values.size(1) != hidden ||
                neurons.upKeys.defined() != gatedFfn ||
                (gatedFfn && neurons.upKeys.sizes() != neurons.keys.sizes()))
                throw Error(ErrorKind::File, "the session '" + path + "' has an edit ('" +
                                                 patch->name + "') that does not fit this model");
        for (const auto& [name, swap] : patch->weightSwaps)
            if (!m.model->parameters().contains(name) ||
                m.model->parameters().get(name).sizes() != swap.first.sizes())
                throw Error(ErrorKind::File, "the session '" + path + "' changes a weight '" +
                                                 name + "' this model does not have");
    }
    impl_->requireSession().replaceAll(session.patches, inference);
    progress.report(1.0, "session loaded");
    return {path, session.modelHash, int(session.patches.size()), session.userJson};
}

} // namespace unike
