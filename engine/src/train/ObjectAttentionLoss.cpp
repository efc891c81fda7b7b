#include "train/ObjectAttentionLoss.h"

#include <unike/Error.h>

namespace unike::train {
namespace {

// Per layer from firstLayer, each subject row's attention on its subject's group (rows).
std::vector<torch::Tensor> groupMasses(const std::vector<torch::Tensor>& attentions,
                                       const ObjectAttentionTargets& targets, int firstLayer,
                                       int64_t head) {
    const int64_t prefix = targets.prefixLength;
    const bool regions = targets.objectRegions.defined();
    if ((prefix <= 0 && !regions) || targets.objectGroups <= 0 || !targets.subjectObject.defined())
        return {};
    const auto rows = targets.subjectObject.ge(0).nonzero().view({-1});
    if (rows.numel() == 0)
        return {};
    const auto subject = targets.subjectObject.index_select(0, rows);
    // Text token i sits at sequence position prefix + i; the last prompt token predicts the
    // answer's first.
    const auto position = targets.promptLength.index_select(0, rows) + (prefix - 1);
    // The visual tokens' columns, and per row which of them are the subject's (rows, N).
    int64_t start = 0, visual = prefix;
    torch::Tensor inGroup;
    if (regions) {
        start = targets.visualStart;
        visual = targets.objectRegions.size(2);
        inGroup = targets.objectRegions.index_select(0, rows)
                      .gather(1, subject.view({-1, 1, 1}).expand({-1, 1, visual}))
                      .squeeze(1)
                      .gt(0)
                      .to(torch::kFloat32);
    } else {
        const int64_t group = prefix / targets.objectGroups;
        if (group == 0)
            throw Error(ErrorKind::InvalidInput, "fewer image tokens than object groups");
        const auto columns = torch::arange(prefix, torch::kLong).view({1, -1});
        const auto first = (subject * group).view({-1, 1});
        inGroup = (columns.ge(first) & columns.lt(first + group)).to(torch::kFloat32);
    }

    std::vector<torch::Tensor> out;
    for (size_t layer = size_t(std::max(0, firstLayer)); layer < attentions.size(); ++layer) {
        const torch::Tensor& probs = attentions[layer];
        if (!probs.defined() || head >= probs.size(1))
            throw Error(ErrorKind::Internal, "the decoder's attention weights were not captured");
        // (rows, prefix): what the answer-predicting position gives each image token.
        auto read = probs.index_select(0, rows)
                        .select(1, head)
                        .gather(1, position.view({-1, 1, 1}).expand({-1, 1, probs.size(-1)}))
                        .squeeze(1)
                        .narrow(1, start, visual)
                        .to(torch::kFloat32);
        out.push_back((read * inGroup).sum(1));
    }
    return out;
}

} // namespace

torch::Tensor objectAttentionLoss(const std::vector<torch::Tensor>& attentions,
                                  const ObjectAttentionTargets& targets, int firstLayer,
                                  int64_t head) {
    const auto masses = groupMasses(attentions, targets, firstLayer, head);
    if (masses.empty())
        return attentions.empty() ? torch::zeros({}) : attentions.back().sum() * 0.0;
    constexpr double kFloor = 1e-6; // keeps the log finite where the head reads none of it
    torch::Tensor total = torch::zeros({});
    for (const auto& m : masses)
        total = total - (m + kFloor).log().mean();
    return total / double(masses.size());
}

double objectAttentionShare(const std::vector<torch::Tensor>& attentions,
                            const ObjectAttentionTargets& targets, int firstLayer, int64_t head) {
    torch::NoGradGuard noGrad;
    const auto masses = groupMasses(attentions, targets, firstLayer, head);
    if (masses.empty())
        return -1.0;
    double sum = 0;
    for (const auto& m : masses)
        sum += m.mean().item<double>();
    return sum / double(masses.size());
}

} // namespace unike::train
