#include "model/MultimodalModel.h"

#include <unike/Error.h>

namespace unike::model {

torch::Device MultimodalModel::device() const {
    return store_.all().begin()->second.device();
}

torch::ScalarType MultimodalModel::dtype() const {
    return store_.all().begin()->second.scalar_type();
}

ForwardResult MultimodalModel::forward(const ForwardInput& input,
                                       const ForwardOptions& options) const {
    if (!input.inputIds.defined() || input.inputIds.dim() != 2)
        throw Error(ErrorKind::InvalidInput, "input_ids must be a (batch, length) tensor");
    torch::Tensor prefix = input.imagePrefix;
    if (!prefix.defined() && input.pixelValues.defined())
        prefix = imagePrefix(input.pixelValues);
    DecoderInput prepared = prepare(prefix, input.inputIds, input.attentionMask, input.rowHasImage);
    const LanguageDecoder& lm = decoder();
    auto hidden = lm.inputHidden(prepared.inputsEmbeds, prepared.attentionMask, 0);
    DecoderRun run;
    run.hooks = options.hooks;
    run.captureHidden = options.captureHidden;
    run.captureFfnInputs = options.captureFfnInputs;
    run.captureAttention = options.captureAttention;
    DecoderResult decoded = lm.run(hidden, prepared.attentionMask, 0, run);
    ForwardResult result;
    result.logits = decoded.logits;
    result.attentionMask = prepared.attentionMask;
    result.prefixLength = prepared.prefixLength;
    result.hiddenStates = std::move(decoded.hiddenStates);
    result.ffnInputs = std::move(decoded.ffnInputs);
    result.attentions = std::move(decoded.attentions);
    return result;
}

} // namespace unike::model
