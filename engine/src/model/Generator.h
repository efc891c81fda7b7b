#pragma once
// Answer generation (greedy or beam search, with or without the KV cache) and
// teacher-forced scoring of a given answer (METHOD.md §9).

#include "model/MultimodalModel.h"

#include <unike/Progress.h>

#include <vector>

namespace unike::model {

struct GenerationOptions {
    int maxNewTokens = 16;
    int numBeams = 1; // 1: greedy
    int topK = 5;     // alternatives reported per generated token
    bool useCache = true;
    double lengthPenalty = 1.0; // beam score = sum log p / length^penalty
    int eosTokenId = 2;
    const DecoderHooks* hooks = nullptr;
};

struct TokenChoice {
    int id = 0;
    double probability = 0.0;
};

struct GeneratedToken {
    int id = 0;
    double probability = 0.0;              // of this token, given what came before
    std::vector<TokenChoice> alternatives; // the top-k, most likely first
};

struct Generation {
    std::vector<GeneratedToken> tokens; // without the prompt; EOS left out
    bool stoppedAtEos = false;
    double logProbability = 0.0; // of the generated tokens (EOS included when reached)
};

struct AnswerScore {
    std::vector<GeneratedToken> tokens; // each target token with its probability and top-k
    std::vector<int> argmaxIds;         // the model's own choice at each target position
    double tokenAccuracy = 0.0;         // share of target tokens that are the argmax
    double logLikelihood = 0.0;         // sum of log p(target token)
};

class Generator {
public:
    explicit Generator(const MultimodalModel& model)
        : model_(model) {}

    // promptIds include BOS. imagePrefix (1, Q, D) or undefined for text-only.
    Generation generate(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                        const GenerationOptions& options,
                        const Progress& progress = Progress()) const;

    // Teacher-forced score of answerIds after promptIds.
    AnswerScore score(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                      const std::vector<int>& answerIds, int topK = 5,
                      const DecoderHooks* hooks = nullptr) const;

private:
    Generation greedy(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                      const GenerationOptions& options, const Progress& progress) const;
    Generation beam(const torch::Tensor& imagePrefix, const std::vector<int>& promptIds,
                    const GenerationOptions& options, const Progress& progress) const;
    // Log-probabilities of the next token for each row, (B, vocab).
    torch::Tensor nextLogits(const torch::Tensor& imagePrefix, const torch::Tensor& ids,
                             KvCache* cache, torch::Tensor& mask, int64_t& past,
                             const DecoderHooks* hooks) const;

    const MultimodalModel& model_;
};

} // namespace unike::model
