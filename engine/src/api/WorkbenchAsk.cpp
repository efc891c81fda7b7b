#include "api/EditMethods.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "edit/EditedModel.h"
#include "model/Generator.h"

#include <unike/Error.h>

#include <chrono>
#include <optional>

namespace unike {
namespace {

TokenProbability describe(const model::GeneratedToken& token,
                          const text::TextTokenizer& tokenizer) {
    TokenProbability out;
    out.id = token.id;
    out.text = tokenizer.tokenDisplay(token.id);
    out.probability = token.probability;
    for (const model::TokenChoice& choice : token.alternatives)
        out.alternatives.push_back(
            {choice.id, tokenizer.tokenDisplay(choice.id), choice.probability});
    return out;
}

} // namespace

model::GenerationOptions LoadedModel::generationOptions(const GenerationParams& g) const {
    model::GenerationOptions options;
    options.maxNewTokens = g.maxNewTokens;
    options.numBeams = g.numBeams;
    options.topK = g.topK;
    options.useCache = g.useCache;
    options.lengthPenalty = g.lengthPenalty;
    options.eosTokenId = tokenizer->eosId() >= 0 ? tokenizer->eosId() : int(model->configEosId());
    return options;
}

AskResult Workbench::ask(const AskParams& params, const Progress& progress) const {
    const auto start = std::chrono::steady_clock::now();
    const LoadedModel& m = impl_->require();
    EditSession& session = impl_->requireSession();
    const std::string question = trimmedText(params.question);
    if (question.empty())
        throw Error(ErrorKind::InvalidInput, "the question is empty; type a question to ask");
    const GenerationParams& g = params.generation;
    if (g.topK < 0 || g.topK > 100)
        throw Error(ErrorKind::InvalidInput, "top-k must be between 0 and 100");

    torch::NoGradGuard noGrad;
    std::optional<edit::EditBypass> bypass;
    if (params.bypassEdits)
        bypass.emplace(session.edits());
    progress.report(0.0, "reading the image");
    torch::Tensor prefix;
    if (!params.image.empty())
        prefix = m.model->imagePrefix(impl_->pixelValues(params.image));
    progress.throwIfCancelled("asking");

    AskResult result;
    result.prompt = PromptSpec{question, params.style, prefix.defined()}.text(
        m.model->prompts(), liveFacts(session.edits()));
    const std::vector<int> promptIds = m.tokenizer->encode(result.prompt, true);
    const edit::EditedModel edited(*m.model, session.edits(), session.inference());
    const model::Generation generation =
        edited.generate(prefix, promptIds, m.generationOptions(g), progress.subRange(0.1, 0.9));
    std::vector<int> answerIds;
    for (const model::GeneratedToken& token : generation.tokens) {
        answerIds.push_back(token.id);
        result.tokens.push_back(describe(token, *m.tokenizer));
    }
    result.answer = trimmedText(m.tokenizer->decode(answerIds, true));
    result.stoppedAtEos = generation.stoppedAtEos;

    if (params.scoreAnswer) {
        const std::string answer = trimmedText(*params.scoreAnswer);
        if (answer.empty())
            throw Error(ErrorKind::InvalidInput, "the answer to score is empty");
        // EasyEdit scores the prompt, then the target, with the target's tokens as labels.
        const std::vector<int> targetIds = m.tokenizer->encodeAnswer(answer);
        const model::AnswerScore score = edited.score(prefix, promptIds, targetIds, g.topK);
        AnswerScoreResult scored;
        scored.answer = answer;
        for (size_t i = 0; i < score.tokens.size(); ++i) {
            scored.tokens.push_back(describe(score.tokens[i], *m.tokenizer));
            scored.argmaxTokens.push_back(m.tokenizer->tokenDisplay(score.argmaxIds[i]));
        }
        scored.tokenAccuracy = score.tokenAccuracy;
        scored.logLikelihood = score.logLikelihood;
        result.score = std::move(scored);
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.report(1.0, "answered");
    return result;
}

ImagePreview Workbench::previewImage(const ImageInput& image) const {
    const LoadedModel& m = impl_->require();
    const vision::RgbImage decoded = impl_->decode(image);
    const vision::RgbImage resized = m.preprocessor.modelImage(decoded); // padded, cropped
    ImagePreview preview;
    preview.width = decoded.width;
    preview.height = decoded.height;
    preview.rgb = decoded.pixels;
    preview.modelWidth = resized.width;
    preview.modelHeight = resized.height;
    preview.modelRgb = resized.pixels;
    return preview;
}

} // namespace unike
