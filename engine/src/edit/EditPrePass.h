#pragma once
// The unedited forward every editor starts from: over prompt + target, it gives
// the queries for gating and retrieval at every layer (at the prompt's last token),
// the hidden states each step restarts from, and the target labels.

#include "edit/EditRequest.h"
#include "model/MultimodalModel.h"

#include <map>
#include <vector>

namespace unike::edit {

struct EditPrePass {
    model::ForwardResult forward;         // hidden states (and FFN inputs when asked)
    int64_t queryPosition = 0;            // the prompt's last token in the sequence
    int64_t lastPosition = 0;             // the target's last token
    std::map<int, torch::Tensor> queries; // (1, D) per decoder layer
    torch::Tensor queryIndex;             // (1) holding queryPosition
    torch::Tensor labels;                 // (targets [+ end of text]) ids
};

// Throws Error(InvalidInput) when the prompt or the target is empty. With `endWithEndOfText`
// and a request that names its end-of-text token, the labels end with it; it is predicted at
// the target's last token, so the forward stays over prompt + target.
EditPrePass runEditPrePass(const model::MultimodalModel& model, const EditRequest& request,
                           bool captureFfnInputs, bool endWithEndOfText = false);

// How well a pre-pass's labels are predicted when the decoder reruns its cached hidden state
// from `startLayer` with `hooks`: their mean cross-entropy and how many are the argmax.
struct LabelFit {
    torch::Tensor loss;
    int64_t right = 0;
    int64_t labelled = 0;
};
LabelFit fitLabels(const model::LanguageDecoder& decoder, const EditPrePass& pass, int startLayer,
                   const model::DecoderHooks& hooks);

// The pre-passes an edit trains on: the prompt's (with FFN inputs when asked), then, with
// `withRephrasings`, one per rephrasing of the request.
std::vector<EditPrePass> runTrainingPrePasses(const model::MultimodalModel& model,
                                              const EditRequest& request, bool captureFfnInputs,
                                              bool endWithEndOfText, bool withRephrasings);

} // namespace unike::edit
