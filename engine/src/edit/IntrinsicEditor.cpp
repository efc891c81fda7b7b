#include "edit/IntrinsicEditor.h"

#include "edit/EditPrePass.h"

#include <unike/Error.h>

#include <chrono>
#include <cmath>

namespace unike::edit {

std::shared_ptr<EditPatch> IntrinsicEditor::train(const EditRequest& request,
                                                  const Progress& progress) const {
    const auto start = std::chrono::steady_clock::now();
    const model::LanguageDecoder& decoder = model_.decoder();
    params_.validate(decoder.layerCount());
    const std::vector<int> layers = params_.resolvedLayers(decoder.layerCount());
    const int firstLayer = *std::min_element(layers.begin(), layers.end());
    torch::manual_seed(params_.seed);

    // The hidden state entering the first edited layer is computed once here and
    // every step restarts from it.
    // The prompt's pre-pass first, then its rephrasings' when they are trained too.
    const std::vector<EditPrePass> sequences = runTrainingPrePasses(
        model_, request, true, params_.trainEndOfText, params_.trainOnRephrasings);
    const EditPrePass& prePass = sequences.front();
    const model::ForwardResult& pre = prePass.forward;
    const int64_t queryPosition = prePass.queryPosition;
    const int64_t width = decoder.hiddenSize();
    const model::FfnShape ffn = decoder.ffnShape();

    auto patch = std::make_shared<EditPatch>();
    patch->prompt = request.prompt;
    patch->target = request.target;
    patch->hyperParamsJson = params_.toJson();
    patch->gated = params_.gateNeurons;
    const std::map<int, torch::Tensor>& queries = prePass.queries;
    // Trained in float32 on the model's device whatever the model's dtype: Adam's
    // small updates vanish in float16. The hooks cast to the activations' dtype.
    const auto trainOptions = torch::TensorOptions().device(model_.device()).dtype(torch::kFloat32);
    std::vector<torch::Tensor> trainable;
    // Per edited layer, in float32 once: the edit's FFN input and the memory rows that
    // the activation and memory losses read every step.
    std::map<int, torch::Tensor> editFfnInputs, memoryRows;
    for (int layer : layers) {
        patch->keys[layer] = queries.at(layer).view({-1}).clone();
        if (options_.knowledge)
            patch->bankValues[layer] = pre.hiddenStates[size_t(layer)]
                                           .select(1, prePass.lastPosition)
                                           .view({-1})
                                           .detach()
                                           .clone();
        if (!options_.neurons)
            continue;
        // k = q*/|q*|^2, so each new neuron starts with pre-activation 1 on the edit.
        auto ffnInput = pre.ffnInputs[size_t(layer)]
                            .select(1, queryPosition)
                            .view({-1})
                            .detach()
                            .to(torch::kFloat32);
        editFfnInputs[layer] = ffnInput.view({1, -1});
        if (const auto memory = memory_.find(layer);
            params_.lambdaMemory > 0 && memory != memory_.end())
            memoryRows[layer] = memory->second.to(torch::kFloat32);
        auto key = (ffnInput / ffnInput.pow(2).sum()).view({-1, 1});
        // The random draws stay on the CPU so a seed gives the same edit on any device.
        LayerNeurons neurons;
        neurons.keys = (key.repeat({1, params_.neuronsPerEdit}) *
                        (1.0 + 0.01 * torch::randn({1, params_.neuronsPerEdit}).to(trainOptions)))
                           .requires_grad_(true);
        neurons.bias = torch::zeros({params_.neuronsPerEdit}, trainOptions).requires_grad_(true);
        neurons.values = (torch::randn({params_.neuronsPerEdit, width}).to(trainOptions) * 1e-3)
                             .requires_grad_(true);
        trainable.insert(trainable.end(), {neurons.keys, neurons.bias, neurons.values});
        if (ffn.gated) {
            // SwiGLU: the up rows start like the gate's, so the new neurons read the edit's
            // input on both branches. The losses on pre-activations read the gate's.
            neurons.upKeys = key.repeat({1, params_.neuronsPerEdit}).requires_grad_(true);
            trainable.push_back(neurons.upKeys);
        }
        patch->neurons[layer] = neurons;
    }
    if (options_.zeta && stack_.zeta().defined()) {
        patch->zetaProjection =
            torch::zeros({width, stack_.zeta().size(0)}, trainOptions).requires_grad_(true);
        trainable.push_back(patch->zetaProjection);
    }
    // The edit loss is the mean over the trained sequences, the accuracy is over all their
    // labels, and alpha, the knowledge weight the hooks mixed in at the prompt's end (mean
    // over the edited layers), is the prompt's; NaN for methods without latent knowledge.
    // A gated edit's key is the prompt's: a rephrasing outside its gate gets no gradient.
    auto evaluate = [&](bool withGrad, torch::Tensor* editLoss, double* accuracy, double* alpha) {
        torch::AutoGradMode mode(withGrad);
        torch::Tensor lossSum;
        int64_t right = 0, labelled = 0;
        for (const EditPrePass& sequence : sequences) {
            EditHookSet hooks =
                stack_.hooks(sequence.queries, sequence.queryIndex, params_, patch.get());
            const LabelFit fit = fitLabels(decoder, sequence, firstLayer, hooks.hooks());
            lossSum = lossSum.defined() ? lossSum + fit.loss : fit.loss;
            right += fit.right;
            labelled += fit.labelled;
            if (&sequence == &prePass) {
                const auto scalars = hooks.lastScalars();
                const auto mixed = scalars.find("alpha");
                *alpha = mixed == scalars.end() ? std::nan("") : mixed->second;
            }
        }
        *editLoss = lossSum / double(sequences.size());
        *accuracy = double(right) / double(labelled);
    };

    int step = 0;
    if (!trainable.empty()) {
        torch::optim::Adam optimizer(trainable, torch::optim::AdamOptions(params_.learningRate));
        for (; step < params_.maxSteps; ++step) {
            progress.throwIfCancelled("the edit");
            torch::Tensor editLoss;
            double accuracy = 0.0, alpha = 0.0;
            evaluate(true, &editLoss, &accuracy, &alpha);
            torch::Tensor activationLoss = torch::zeros({}, trainOptions);
            torch::Tensor memoryLoss = torch::zeros({}, trainOptions);
            for (auto& [layer, n] : patch->neurons) {
                auto preActivation =
                    torch::matmul(editFfnInputs.at(layer), n.keys) + n.bias; // (1, n)
                activationLoss =
                    activationLoss + torch::relu(params_.activationMargin - preActivation).mean();
                auto memory = memoryRows.find(layer);
                if (memory != memoryRows.end()) {
                    auto memoryActivation =
                        torch::matmul(memory->second, n.keys) + n.bias; // (M, n)
                    memoryLoss = memoryLoss +
                                 torch::relu(memoryActivation - params_.memoryMargin2).mean() +
                                 torch::relu(memoryActivation -
                                             (preActivation.detach().min() - params_.memoryMargin1))
                                     .mean();
                }
            }
            auto loss = editLoss + params_.lambdaActivation * activationLoss +
                        params_.lambdaMemory * memoryLoss;
            std::vector<std::pair<std::string, double>> scalars = {
                {"loss", loss.item<double>()},
                {"edit_loss", editLoss.item<double>()},
                {"activation_loss", activationLoss.item<double>()},
                {"memory_loss", memoryLoss.item<double>()},
                {"accuracy", accuracy}};
            if (!std::isnan(alpha))
                scalars.emplace_back("alpha", alpha);
            progress.reportScalars(step, std::move(scalars), double(step) / params_.maxSteps);
            // Stop once every target token is the argmax with a margin, so the edit
            // survives the small numeric differences of other input lengths.
            if (params_.stopAtAccuracy && step >= params_.minSteps && accuracy >= 1.0 &&
                editLoss.item<double>() < params_.stopLoss)
                break;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    progress.throwIfCancelled("the edit");
    for (auto& [layer, n] : patch->neurons) {
        n.keys = n.keys.detach().requires_grad_(false);
        n.bias = n.bias.detach().requires_grad_(false);
        n.values = n.values.detach().requires_grad_(false);
    }
    if (patch->zetaProjection.defined())
        patch->zetaProjection = patch->zetaProjection.detach().requires_grad_(false);
    patch->steps = step;
    patch->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.report(1.0, "edit trained in " + std::to_string(step) + " steps");
    return patch;
}

} // namespace unike::edit
