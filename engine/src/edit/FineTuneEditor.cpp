#include "edit/FineTuneEditor.h"

#include "edit/EditPrePass.h"

#include <unike/Error.h>

#include <chrono>

namespace unike::edit {

std::shared_ptr<EditPatch> FineTuneEditor::train(const EditRequest& request,
                                                 const Progress& progress) const {
    const auto start = std::chrono::steady_clock::now();
    const model::LanguageDecoder& decoder = model_.decoder();
    const int last = decoder.layerCount() - 1;
    const std::string name = decoder.fineTuneWeightName();
    torch::Tensor weight = model_.parameters().get(name);
    // Adam on the weight itself: in float16 its epsilon rounds to zero and the update
    // of every untouched entry becomes 0/0.
    if (weight.scalar_type() != torch::kFloat32 && weight.scalar_type() != torch::kFloat64)
        throw Error(ErrorKind::InvalidInput,
                    "ft fine-tunes the model's weight in place and needs a float32 model; "
                    "load it with --dtype float32");

    // The prompt, then its rephrasings when they are trained too.
    const std::vector<EditPrePass> sequences = runTrainingPrePasses(
        model_, request, false, params_.trainEndOfText, params_.trainOnRephrasings);

    const torch::Tensor original = weight.detach().clone();
    auto patch = std::make_shared<EditPatch>();
    int step = 0;
    try {
        weight.set_requires_grad(true);
        torch::optim::Adam optimizer({weight}, torch::optim::AdamOptions(params_.ftLearningRate));
        for (; step < params_.ftSteps; ++step) {
            progress.throwIfCancelled("the edit");
            torch::Tensor loss;
            int64_t right = 0, labelled = 0;
            for (const EditPrePass& sequence : sequences) {
                EditHookSet hooks = stack_.hooks(sequence.queries, sequence.queryIndex, params_);
                const LabelFit fit = fitLabels(decoder, sequence, last, hooks.hooks());
                loss = loss.defined() ? loss + fit.loss : fit.loss;
                right += fit.right;
                labelled += fit.labelled;
            }
            loss = loss / double(sequences.size());
            const double accuracy = double(right) / double(labelled);
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
