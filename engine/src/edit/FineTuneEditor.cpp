#include "edit/FineTuneEditor.h"

#include "edit/EditedModel.h"

#include <unike/Error.h>

#include <chrono>

namespace unike::edit {

std::shared_ptr<EditPatch> FineTuneEditor::train(const EditRequest& request,
                                                 const Progress& progress) const {
    const auto start = std::chrono::steady_clock::now();
    if (request.promptIds.empty() || request.targetIds.empty())
        throw Error(ErrorKind::InvalidInput, "an edit needs a prompt and a target answer");
    const model::OptDecoder& decoder = model_.decoder();
    const int last = decoder.layerCount() - 1;
    const std::string name =
        "language_model.model.decoder.layers." + std::to_string(last) + ".fc2.weight";
    torch::Tensor weight = model_.parameters().get(name);

    std::vector<int> all = request.promptIds;
    all.insert(all.end(), request.targetIds.begin(), request.targetIds.end());
    model::ForwardInput input;
    input.imagePrefix = request.prefix;
    input.inputIds = idTensor(all, model_.device());
    model::ForwardOptions capture;
    capture.captureHidden = true;
    model::ForwardResult pre;
    {
        torch::NoGradGuard noGrad;
        pre = model_.forward(input, capture);
    }
    const int64_t queryPosition = pre.prefixLength + int64_t(request.promptIds.size()) - 1;
    std::map<int, torch::Tensor> queries;
    for (size_t layer = 0; layer < pre.hiddenStates.size(); ++layer)
        queries[int(layer)] = pre.hiddenStates[layer].select(1, queryPosition);
    const torch::Tensor queryIndex = torch::full({1}, queryPosition, torch::kLong);
    auto labels = idTensor(request.targetIds, model_.device()).view({-1});

    const torch::Tensor original = weight.detach().clone();
    auto patch = std::make_shared<EditPatch>();
    int step = 0;
    try {
        weight.set_requires_grad(true);
        torch::optim::Adam optimizer({weight}, torch::optim::AdamOptions(params_.ftLearningRate));
        for (; step < params_.ftSteps; ++step) {
            progress.throwIfCancelled("the edit");
            EditHookSet hooks = stack_.hooks(queries, queryIndex, params_);
            model::DecoderRun run;
            run.hooks = &hooks.hooks();
            run.startLayer = last;
            auto out = decoder.run(pre.hiddenStates[size_t(last)], pre.attentionMask, 0, run);
            auto predicting = out.logits[0].narrow(0, queryPosition, labels.size(0));
            auto loss = torch::nn::functional::cross_entropy(predicting, labels);
            const double accuracy =
                predicting.argmax(-1).eq(labels).to(torch::kFloat32).mean().item<double>();
            progress.reportScalars(step,
                                   {{"loss", loss.item<double>()},
                                    {"edit_loss", loss.item<double>()},
                                    {"accuracy", accuracy}},
                                   double(step) / params_.ftSteps);
            if (params_.stopAtAccuracy && accuracy >= 1.0 && loss.item<double>() < params_.stopLoss)
                break;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    } catch (...) {
        torch::NoGradGuard noGrad;
        weight.set_requires_grad(false);
        weight.copy_(original);
        throw;
    }
    torch::NoGradGuard noGrad;
    weight.set_requires_grad(false);
    patch->weightSwaps[name] = {original, weight.detach().clone()};
    weight.copy_(original); // the stack applies the change when the patch is added
    patch->prompt = request.prompt;
    patch->target = request.target;
    patch->hyperParamsJson = params_.toJson();
    patch->steps = step;
    patch->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return patch;
}

} // namespace unike::edit
