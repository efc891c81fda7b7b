#pragma once
// The editing metrics as EasyEdit computes them (METHOD.md §9), on teacher-forced
// logits of prompt + " " + answer.

#include <torch/torch.h>

namespace unike::eval {

// The answer's positions in (1, S, vocab) logits: the rows predicting each answer
// token. `answerStart` is the sequence index of the first answer token.
torch::Tensor answerRows(const torch::Tensor& logits, int64_t answerStart, int64_t answerLength);

// Reliability / generality: the share of answer tokens that are the argmax.
double tokenAccuracy(const torch::Tensor& logits, int64_t answerStart,
                     const std::vector<int>& answerIds);

// Locality: the share of answer positions whose argmax is the same before and after.
double argmaxAgreement(const torch::Tensor& before, const torch::Tensor& after, int64_t answerStart,
                       int64_t answerLength);

// EasyEdit's trainer-path image locality: the share of answer positions whose
// top-k ordered lists are identical before and after.
double topKAgreement(const torch::Tensor& before, const torch::Tensor& after, int64_t answerStart,
                     int64_t answerLength, int k);

} // namespace unike::eval
