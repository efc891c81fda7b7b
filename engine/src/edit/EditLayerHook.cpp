#include "edit/EditLayerHook.h"

#include "model/Layers.h"

namespace unike::edit {
namespace {

torch::Tensor cosine(const torch::Tensor& a, const torch::Tensor& b) {
    return torch::nn::functional::cosine_similarity(
        a, b, torch::nn::functional::CosineSimilarityFuncOptions().dim(-1).eps(1e-8));
}

} // namespace

EditLayerHook::EditLayerHook(Setup setup)
    : setup_(std::move(setup)) {
    std::vector<torch::Tensor> keys, values;
    for (const EditPatch* patch : setup_.patches) {
        auto key = patch->keys.find(setup_.layer);
        auto value = patch->bankValues.find(setup_.layer);
        if (key != patch->keys.end() && value != patch->bankValues.end()) {
            keys.push_back(key->second.view({1, -1}));
            values.push_back(value->second.view({1, -1}));
        }
    }
    if (!keys.empty()) {
        editKeys_ = torch::cat(keys, 0);
        editValues_ = torch::cat(values, 0);
    }
}

torch::Tensor EditLayerHook::gate(const EditPatch& patch) const {
    auto key = patch.keys.find(setup_.layer);
    if (!patch.gated || key == patch.keys.end())
        return torch::ones({setup_.query.size(0)}, setup_.query.options());
    return gateFor(key->second);
}

torch::Tensor EditLayerHook::gateFor(const torch::Tensor& key) const {
    const auto similarity = cosine(setup_.query, key.to(setup_.query.scalar_type()).view({1, -1}));
    return torch::sigmoid((similarity - setup_.params->gateThreshold) /
                          setup_.params->gateTemperature);
}

torch::Tensor EditLayerHook::neuronActivation(const LayerNeurons& n, const model::FfnShape& ffn,
                                              const torch::Tensor& x) {
    // Neurons are kept in float32 (see IntrinsicEditor); the layer may run in float16.
    const auto dtype = x.scalar_type();
    auto activation =
        model::activate(ffn.activation, torch::matmul(x, n.keys.to(dtype)) + n.bias.to(dtype));
    if (ffn.gated)
        activation = activation * torch::matmul(x, n.upKeys.to(dtype));
    return activation;
}

torch::Tensor EditLayerHook::ffnDelta(const torch::Tensor& ffnInput,
                                      const model::LayerHookContext&) {
    torch::Tensor total;
    for (const EditPatch* patch : setup_.patches) {
        auto found = patch->neurons.find(setup_.layer);
        if (found == patch->neurons.end())
            continue;
        const LayerNeurons& n = found->second;
        const auto dtype = ffnInput.scalar_type();
        auto activation = neuronActivation(n, setup_.ffn, ffnInput);
        auto values = n.values;
        if (patch->zetaProjection.defined() && setup_.zeta.defined())
            values = values + setup_.params->beta *
                                  torch::matmul(patch->zetaProjection,
                                                setup_.zeta.to(patch->zetaProjection.scalar_type()))
                                      .view({1, -1});
        auto delta = torch::matmul(activation, values.to(dtype));
        delta = delta * gate(*patch).view({-1, 1, 1}).to(dtype);
        total = total.defined() ? total + delta : delta;
    }
    return total;
}

torch::Tensor EditLayerHook::knowledgeStates(const model::LayerHookContext&) {
    if (!setup_.useKnowledge)
        return {};
    const KnowledgeBank empty;
    return retrieve(setup_.bank ? *setup_.bank : empty, editKeys_, editValues_, setup_.query,
                    setup_.params->bankTopK);
}

torch::Tensor EditLayerHook::knowledgeWeight(const torch::Tensor& attentionInput,
                                             const torch::Tensor& attentionKnowledge,
                                             const model::LayerHookContext& context) {
    const int64_t rows = attentionInput.size(0);
    const EditHyperParams& params = *setup_.params;
    torch::Tensor alpha;
    switch (params.alphaMode) {
    case AlphaMode::Fixed:
        alpha = torch::full({rows, 1, 1}, params.fixedAlpha, attentionInput.options());
        break;
    case AlphaMode::Gated: {
        // Scoped by the applied edits' keys: unrelated inputs get no knowledge.
        torch::Tensor best;
        for (const EditPatch* patch : setup_.patches) {
            auto key = patch->keys.find(setup_.layer);
            if (key == patch->keys.end())
                continue;
            auto g = gateFor(key->second);
            best = best.defined() ? torch::maximum(best, g) : g;
        }
        if (!best.defined())
            return {};
        alpha = best.view({-1, 1, 1}).to(attentionInput.scalar_type());
        if (alpha.size(0) != rows)
            alpha = alpha.expand({rows, 1, 1});
        break;
    }
    case AlphaMode::PaperCosine: {
        if (context.pastLength > 0 || !setup_.queryPositions.defined()) {
            // Decode steps reuse the prefill's alpha (retrieval happens once per input).
            alpha = torch::full({rows, 1, 1}, lastAlpha_, attentionInput.options());
            break;
        }
        auto index = setup_.queryPositions.to(torch::kLong)
                         .view({-1, 1, 1})
                         .expand({rows, 1, attentionInput.size(2)});
        auto hIn = attentionInput.gather(1, index).squeeze(1);
        auto hKnow = attentionKnowledge.gather(1, index).squeeze(1);
        if (setup_.semanticEncoder)
            hKnow = setup_.semanticEncoder(hKnow);
        alpha = cosine(hKnow, hIn).clamp(0.0, 1.0).view({-1, 1, 1});
        break;
    }
    }
    lastAlpha_ = alpha.mean().item<double>();
    mixed_ = true;
    return alpha;
}

} // namespace unike::edit
