#include "edit/EditedModel.h"

#include "model/TensorConversions.h"

namespace unike::edit {

bool EditedModel::editsAct() const {
    return !stack_.activeLayers(params_, nullptr).empty();
}

EditQueries EditedModel::queries(const torch::Tensor& prefix,
                                 const std::vector<int>& promptIds) const {
    torch::NoGradGuard noGrad;
    model::ForwardInput input;
    input.imagePrefix = prefix;
    input.inputIds = model::tokenIds(promptIds, model_.device());
    model::ForwardOptions options;
    options.captureHidden = true;
    const model::ForwardResult result = model_.forward(input, options);
    EditQueries out;
    const int64_t position = result.prefixLength + int64_t(promptIds.size()) - 1;
    out.position = model::positionIndex(position, model_.device());
    for (size_t layer = 0; layer < result.hiddenStates.size(); ++layer)
        out.byLayer[int(layer)] = result.hiddenStates[layer].select(1, position);
    return out;
}

model::Generation EditedModel::generate(const torch::Tensor& prefix,
                                        const std::vector<int>& promptIds,
                                        model::GenerationOptions options,
                                        const Progress& progress) const {
    model::Generator generator(model_);
    if (!editsAct())
        return generator.generate(prefix, promptIds, options, progress);
    const EditQueries q = queries(prefix, promptIds);
    EditHookSet hooks = stack_.hooks(q.byLayer, q.position, params_);
    options.hooks = &hooks.hooks();
    return generator.generate(prefix, promptIds, options, progress);
}

model::AnswerScore EditedModel::score(const torch::Tensor& prefix,
                                      const std::vector<int>& promptIds,
                                      const std::vector<int>& answerIds, int topK) const {
    model::Generator generator(model_);
    if (!editsAct())
        return generator.score(prefix, promptIds, answerIds, topK, nullptr);
    const EditQueries q = queries(prefix, promptIds);
    EditHookSet hooks = stack_.hooks(q.byLayer, q.position, params_);
    return generator.score(prefix, promptIds, answerIds, topK, &hooks.hooks());
}

torch::Tensor EditedModel::logits(const torch::Tensor& prefix, const std::vector<int>& promptIds,
                                  const std::vector<int>& answerIds) const {
    return run(prefix, promptIds, answerIds, false).logits;
}

model::ForwardResult EditedModel::hiddenStates(const torch::Tensor& prefix,
                                               const std::vector<int>& promptIds,
                                               const std::vector<int>& answerIds) const {
    return run(prefix, promptIds, answerIds, true);
}

model::ForwardResult EditedModel::run(const torch::Tensor& prefix,
                                      const std::vector<int>& promptIds,
                                      const std::vector<int>& answerIds, bool captureHidden) const {
    torch::NoGradGuard noGrad;
    std::vector<int> all = promptIds;
    all.insert(all.end(), answerIds.begin(), answerIds.end());
    model::ForwardInput input;
    input.imagePrefix = prefix;
    input.inputIds = model::tokenIds(all, model_.device());
    model::ForwardOptions options;
    options.captureHidden = captureHidden;
    if (!editsAct())
        return model_.forward(input, options);
    const EditQueries q = queries(prefix, promptIds);
    EditHookSet hooks = stack_.hooks(q.byLayer, q.position, params_);
    options.hooks = &hooks.hooks();
    return model_.forward(input, options);
}

} // namespace unike::edit
