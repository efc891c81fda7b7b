#include "model/Generator.h"

#include "model/TensorConversions.h"

#include <unike/Error.h>

#include <algorithm>
#include <cmath>

namespace unike::model {
namespace {

std::vector<TokenChoice> topChoices(const torch::Tensor& probs, int k) {
    std::vector<TokenChoice> out;
    if (k <= 0)
        return out;
    auto top = probs.topk(std::min<int64_t>(k, probs.size(-1)));
    auto values = std::get<0>(top).to(torch::kCPU, torch::kDouble);
    auto indices = std::get<1>(top).to(torch::kCPU);
    for (int64_t i = 0; i < values.size(0); ++i)
        out.push_back({int(indices[i].item<int64_t>()), values[i].item<double>()});
    return out;
}

} // namespace

torch::Tensor Generator::nextLogits(const torch::Tensor& imagePrefix, const torch::Tensor& ids,
                                    KvCache* cache, torch::Tensor& mask, int64_t& past,
                                    const DecoderHooks* hooks) const {
    const LanguageDecoder& decoder = model_.decoder();
    DecoderRun run;
    run.hooks = hooks;
    run.cache = cache;
    torch::Tensor hidden;
    if (cache && past > 0) {
        // Only the newest token goes through the decoder; the cache holds the rest.
        auto last = ids.narrow(1, ids.size(1) - 1, 1);
        mask = torch::cat({mask, torch::ones({ids.size(0), 1}, mask.options())}, 1);
        hidden = decoder.inputHidden(decoder.embedTokens(last), mask, past);
    } else {
        auto prefix =
            imagePrefix.defined() ? imagePrefix.expand({ids.size(0), -1, -1}) : imagePrefix;
        DecoderInput input = model_.prepare(prefix, ids, torch::Tensor());
        mask = input.attentionMask;
        hidden = decoder.inputHidden(input.inputsEmbeds, mask, 0);
        if (cache)
            *cache = KvCache(size_t(decoder.layerCount()));
    }
    auto result = decoder.run(hidden, mask, cache ? past : 0, run);
    past = mask.size(1);
    return result.logits.select(1, result.logits.size(1) - 1).to(torch::kFloat32);
}

Generation Generator::generate(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                               const GenerationOptions& options, const Progress& progress) const {
    if (promptIds.empty())
        throw Error(ErrorKind::InvalidInput, "the prompt is empty; type a question first");
    if (options.maxNewTokens < 1 || options.maxNewTokens > 1024)
        throw Error(ErrorKind::InvalidInput, "max_new_tokens must be between 1 and 1024");
    if (options.numBeams < 1 || options.numBeams > 64)
        throw Error(ErrorKind::InvalidInput, "the number of beams must be between 1 and 64");
    torch::NoGradGuard noGrad;
    return options.numBeams == 1 ? greedy(imagePrefix, promptIds, options, progress)
                                 : beam(imagePrefix, promptIds, options, progress);
}

Generation Generator::greedy(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                             const GenerationOptions& options, const Progress& progress) const {
    Generation out;
    auto ids = tokenIds(promptIds, model_.device());
    KvCache cache;
    torch::Tensor mask;
    int64_t past = 0;
    for (int step = 0; step < options.maxNewTokens; ++step) {
        progress.throwIfCancelled("generation");
        auto logits = nextLogits(imagePrefix, ids, options.useCache ? &cache : nullptr, mask, past,
                                 options.hooks);
        auto probs = torch::softmax(logits[0], -1);
        const int next = int(probs.argmax().item<int64_t>());
        const double p = probs[next].item<double>();
        out.logProbability += std::log(std::max(p, 1e-300));
        if (next == options.eosTokenId) {
            out.stoppedAtEos = true;
            break;
        }
        out.tokens.push_back({next, p, topChoices(probs, options.topK)});
        ids = torch::cat({ids, torch::full({1, 1}, next, ids.options())}, 1);
        progress.report(double(step + 1) / options.maxNewTokens);
    }
    return out;
}

Generation Generator::beam(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                           const GenerationOptions& options, const Progress& progress) const {
    struct Hypothesis {
        std::vector<int> tokens;
        double logProb = 0.0;
        double score = 0.0;
        bool eos = false;
    };
    const int beams = options.numBeams;
    const auto normalised = [&](double logProb, size_t length) {
        return logProb / std::pow(double(std::max<size_t>(length, 1)), options.lengthPenalty);
    };
    auto ids = tokenIds(promptIds, model_.device());
    std::vector<Hypothesis> running(1);
    std::vector<Hypothesis> finished;
    KvCache cache;
    torch::Tensor mask;
    int64_t past = 0;
    for (int step = 0; step < options.maxNewTokens && !running.empty(); ++step) {
        progress.throwIfCancelled("generation");
        auto logits = nextLogits(imagePrefix, ids, options.useCache ? &cache : nullptr, mask, past,
                                 options.hooks);
        auto logProbs = torch::log_softmax(logits, -1);
        const int64_t vocab = logProbs.size(1);
        std::vector<double> base;
        for (const Hypothesis& h : running)
            base.push_back(h.logProb);
        auto total =
            logProbs +
            torch::tensor(base, torch::kDouble).to(logProbs.device(), torch::kFloat32).unsqueeze(1);
        auto top = total.view({-1}).topk(std::min<int64_t>(2 * beams, total.numel()));
        auto topScores = std::get<0>(top).to(torch::kCPU, torch::kDouble);
        auto topIndices = std::get<1>(top).to(torch::kCPU);
        std::vector<Hypothesis> next;
        std::vector<int64_t> parents;
        for (int64_t i = 0; i < topScores.size(0) && int(next.size()) < beams; ++i) {
            const int64_t flat = topIndices[i].item<int64_t>();
            const int64_t parent = flat / vocab;
            const int token = int(flat % vocab);
            Hypothesis h = running[size_t(parent)];
            h.logProb = topScores[i].item<double>();
            if (token == options.eosTokenId) {
                h.eos = true;
                h.score = normalised(h.logProb, h.tokens.size() + 1);
                finished.push_back(h);
                continue;
            }
            h.tokens.push_back(token);
            next.push_back(h);
            parents.push_back(parent);
        }
        progress.report(double(step + 1) / options.maxNewTokens);
        // Stop when no running beam can beat the worst kept finished hypothesis.
        std::sort(finished.begin(), finished.end(),
                  [](const Hypothesis& a, const Hypothesis& b) { return a.score > b.score; });
        if (int(finished.size()) > beams)
            finished.resize(size_t(beams));
        if (int(finished.size()) == beams && !next.empty() &&
            normalised(next.front().logProb, next.front().tokens.size()) <= finished.back().score)
            break;
        if (next.empty())
            break;
        auto parentIndex = torch::tensor(parents, torch::kLong).to(ids.device());
        std::vector<int64_t> tokens;
        for (const Hypothesis& h : next)
            tokens.push_back(h.tokens.back());
        ids = torch::cat({ids.index_select(0, parentIndex),
                          torch::tensor(tokens, torch::kLong).to(ids.device()).unsqueeze(1)},
                         1);
        if (options.useCache)
            cache.reorder(parentIndex);
        mask = mask.index_select(0, parentIndex);
        running = std::move(next);
    }
    for (Hypothesis& h : running) {
        h.score = normalised(h.logProb, h.tokens.size());
        finished.push_back(h);
    }
    const Hypothesis& best = *std::max_element(
        finished.begin(), finished.end(),
        [](const Hypothesis& a, const Hypothesis& b) { return a.score < b.score; });

    // Per-token probabilities of the chosen answer, from one teacher-forced pass.
    Generation out;
    out.stoppedAtEos = best.eos;
    out.logProbability = best.logProb;
    if (!best.tokens.empty()) {
        AnswerScore scored =
            score(imagePrefix, promptIds, best.tokens, options.topK, options.hooks);
        out.tokens = std::move(scored.tokens);
    }
    return out;
}

AnswerScore Generator::score(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                             const std::vector<int>& answerIds, int topK,
                             const DecoderHooks* hooks) const {
    if (promptIds.empty())
        throw Error(ErrorKind::InvalidInput, "the prompt is empty; type a question first");
    if (answerIds.empty())
        throw Error(ErrorKind::InvalidInput, "the answer to score is empty");
    torch::NoGradGuard noGrad;
    std::vector<int> all = promptIds;
    all.insert(all.end(), answerIds.begin(), answerIds.end());
    ForwardInput input;
    input.imagePrefix = imagePrefix;
    input.inputIds = tokenIds(all, model_.device());
    ForwardOptions forwardOptions;
    forwardOptions.hooks = hooks;
    ForwardResult result = model_.forward(input, forwardOptions);
    // The token at text position i is predicted at position i - 1.
    const int64_t first = result.prefixLength + int64_t(promptIds.size()) - 1;
    auto logits = result.logits[0].narrow(0, first, int64_t(answerIds.size())).to(torch::kFloat32);
    auto probs = torch::softmax(logits, -1);
    AnswerScore out;
    int correct = 0;
    for (size_t i = 0; i < answerIds.size(); ++i) {
        auto row = probs[int64_t(i)];
        const int target = answerIds[i];
        const double p = row[target].item<double>();
        const int argmax = int(row.argmax().item<int64_t>());
        correct += argmax == target;
        out.argmaxIds.push_back(argmax);
        out.logLikelihood += std::log(std::max(p, 1e-300));
        out.tokens.push_back({target, p, topChoices(row, topK)});
    }
    out.tokenAccuracy = double(correct) / double(answerIds.size());
    return out;
}

} // namespace unike::model
