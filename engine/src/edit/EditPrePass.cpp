#include "edit/EditPrePass.h"

#include "model/TensorConversions.h"

#include <unike/Error.h>

namespace unike::edit {

EditPrePass runEditPrePass(const model::MultimodalModel& model, const EditRequest& request,
                           bool captureFfnInputs, bool endWithEndOfText) {
    if (request.promptIds.empty() || request.targetIds.empty())
        throw Error(ErrorKind::InvalidInput, "an edit needs a prompt and a target answer");
    std::vector<int> all = request.promptIds;
    all.insert(all.end(), request.targetIds.begin(), request.targetIds.end());
    model::ForwardInput input;
    input.imagePrefix = request.prefix;
    input.inputIds = model::tokenIds(all, model.device());
    model::ForwardOptions capture;
    capture.captureHidden = true;
    capture.captureFfnInputs = captureFfnInputs;

    EditPrePass pre;
    {
        torch::NoGradGuard noGrad;
        pre.forward = model.forward(input, capture);
    }
    pre.queryPosition = pre.forward.prefixLength + int64_t(request.promptIds.size()) - 1;
    pre.lastPosition = pre.forward.prefixLength + int64_t(all.size()) - 1;
    for (size_t layer = 0; layer < pre.forward.hiddenStates.size(); ++layer)
        pre.queries[int(layer)] =
            pre.forward.hiddenStates[layer].select(1, pre.queryPosition).detach();
    pre.queryIndex = model::positionIndex(pre.queryPosition, model.device());
    std::vector<int> labels = request.targetIds;
    if (endWithEndOfText && request.endOfTextId >= 0)
        labels.push_back(request.endOfTextId);
    pre.labels = model::tokenIds(labels, model.device()).view({-1});
    return pre;
}

LabelFit fitLabels(const model::LanguageDecoder& decoder, const EditPrePass& pass, int startLayer,
                   const model::DecoderHooks& hooks) {
    model::DecoderRun run;
    run.hooks = &hooks;
    run.startLayer = startLayer;
    const model::ForwardResult& start = pass.forward;
    auto out = decoder.run(start.hiddenStates[size_t(startLayer)], start.attentionMask, 0, run);
    auto predicting = out.logits[0].narrow(0, pass.queryPosition, pass.labels.size(0));
    LabelFit fit;
    fit.loss = torch::nn::functional::cross_entropy(predicting, pass.labels);
    fit.right = predicting.argmax(-1).eq(pass.labels).sum().item<int64_t>();
    fit.labelled = pass.labels.size(0);
    return fit;
}

std::vector<EditPrePass> runTrainingPrePasses(const model::MultimodalModel& model,
                                              const EditRequest& request, bool captureFfnInputs,
                                              bool endWithEndOfText, bool withRephrasings) {
    std::vector<EditPrePass> passes;
    passes.push_back(runEditPrePass(model, request, captureFfnInputs, endWithEndOfText));
    if (!withRephrasings)
        return passes;
    for (const std::vector<int>& promptIds : request.rephrasingPromptIds) {
        EditRequest rephrased = request;
        rephrased.promptIds = promptIds;
        rephrased.rephrasingPromptIds.clear();
        passes.push_back(runEditPrePass(model, rephrased, false, endWithEndOfText));
    }
    return passes;
}

} // namespace unike::edit
