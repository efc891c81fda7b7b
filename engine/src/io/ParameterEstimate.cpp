#include "io/ParameterEstimate.h"

#include <algorithm>

namespace unike::io {
namespace {

double d(int64_t value) {
    return double(value);
}

std::string named(const std::string& field, int64_t value) {
    return field + " = " + std::to_string(value);
}

// Layers grow with their count and their widths; the label names all three, since any of
// them may be the corrupt one.
std::string layersOf(const std::string& prefix, int64_t layers, int64_t hidden,
                     const char* intermediateKey, int64_t intermediate) {
    return named(prefix + "num_hidden_layers", layers) + " (of hidden_size " +
           std::to_string(hidden) + ", " + intermediateKey + " " + std::to_string(intermediate) +
           ")";
}

// A pre-norm transformer layer: attention (q, k, v, out) and a two-matrix MLP, with biases.
double vitLayer(double hidden, double intermediate) {
    return 4 * hidden * hidden + 2 * hidden * intermediate + 9 * hidden + intermediate;
}

// A ViT's embeddings: the patch convolution, the class token and the position table.
void addVit(ParameterEstimate& e, const std::string& prefix, int64_t hidden, int64_t intermediate,
            int64_t layers, int64_t imageSize, int64_t patchSize, int64_t channels) {
    const double perSide = d(imageSize) / d(std::max<int64_t>(patchSize, 1));
    e.parts.push_back(
        {named(prefix + "image_size", imageSize), (perSide * perSide + 1) * d(hidden)});
    e.parts.push_back({named(prefix + "patch_size", patchSize),
                       d(channels) * d(patchSize) * d(patchSize) * d(hidden) + 2 * d(hidden)});
    e.parts.push_back({layersOf(prefix, layers, hidden, "intermediate_size", intermediate),
                       d(layers) * vitLayer(d(hidden), d(intermediate))});
}

} // namespace

double ParameterEstimate::total() const {
    double sum = 0;
    for (const ParameterPart& part : parts)
        sum += part.parameters;
    return sum;
}

const ParameterPart& ParameterEstimate::largest() const {
    return *std::max_element(
        parts.begin(), parts.end(),
        [](const ParameterPart& a, const ParameterPart& b) { return a.parameters < b.parameters; });
}

ParameterEstimate estimateParameters(const Blip2Config& c) {
    ParameterEstimate e;
    const VisionConfig& v = c.vision;
    addVit(e, "vision_config.", v.hiddenSize, v.intermediateSize, v.numHiddenLayers, v.imageSize,
           v.patchSize, 3);

    const QFormerConfig& q = c.qformer;
    const double qh = d(q.hiddenSize);
    // Every layer has self-attention and the query path's MLP; every crossAttentionFrequency-th
    // also attends to the vision features (keys and values from the vision width).
    const double crossLayers =
        q.crossAttentionFrequency > 0 ? d(q.numHiddenLayers) / d(q.crossAttentionFrequency) : 0;
    e.parts.push_back({layersOf("qformer_config.", q.numHiddenLayers, q.hiddenSize,
                                "intermediate_size", q.intermediateSize),
                       d(q.numHiddenLayers) * vitLayer(qh, d(q.intermediateSize)) +
                           crossLayers * (2 * qh * qh + 2 * qh * d(v.hiddenSize))});
    e.parts.push_back({named("num_query_tokens", c.numQueryTokens), d(c.numQueryTokens) * qh});

    const OptConfig& t = c.text;
    const double th = d(t.hiddenSize);
    const double embedWidth = d(t.wordEmbedProjDim);
    e.parts.push_back({named("text_config.vocab_size", t.vocabSize),
                       d(t.vocabSize) * embedWidth * (t.tieWordEmbeddings ? 1 : 2)});
    e.parts.push_back({named("text_config.max_position_embeddings", t.maxPositionEmbeddings),
                       (d(t.maxPositionEmbeddings) + 2) * th});
    e.parts.push_back(
        {layersOf("text_config.", t.numHiddenLayers, t.hiddenSize, "ffn_dim", t.ffnDim),
         d(t.numHiddenLayers) * vitLayer(th, d(t.ffnDim))});
    e.parts.push_back({named("text_config.hidden_size", t.hiddenSize),
                       qh * th + (t.projectsEmbeddings() ? 2 * th * embedWidth : 0)});
    return e;
}

ParameterEstimate estimateParameters(const LlamaConfig& t, const std::string& prefix) {
    ParameterEstimate e;
    const double h = d(t.hiddenSize);
    const double heads = d(t.numAttentionHeads), kvHeads = d(t.numKeyValueHeads);
    const double attention = h * d(t.headDim) * (2 * heads + 2 * kvHeads);
    const double mlp = 3 * h * d(t.intermediateSize);
    e.parts.push_back({named(prefix + "vocab_size", t.vocabSize),
                       d(t.vocabSize) * h * (t.tieWordEmbeddings ? 1 : 2)});
    e.parts.push_back(
        {layersOf(prefix, t.numHiddenLayers, t.hiddenSize, "intermediate_size", t.intermediateSize),
         d(t.numHiddenLayers) * (attention + mlp + 2 * h)});
    return e;
}

ParameterEstimate estimateParameters(const LlavaConfig& c) {
    ParameterEstimate e;
    const ClipVisionConfig& v = c.vision;
    addVit(e, "vision_config.", v.hiddenSize, v.intermediateSize, v.numHiddenLayers, v.imageSize,
           v.patchSize, v.numChannels);
    const double features = d(v.hiddenSize) * d(c.visionFeatureLayers.size());
    const double th = d(c.text.hiddenSize);
    e.parts.push_back(
        {named("text_config.hidden_size", c.text.hiddenSize), features * th + th * th + 2 * th});
    ParameterEstimate text = estimateParameters(c.text, "text_config.");
    if (c.tiesEmbeddings() && !c.text.tieWordEmbeddings)
        text.parts.front().parameters /= 2; // the top-level flag ties them too
    e.parts.insert(e.parts.end(), text.parts.begin(), text.parts.end());
    return e;
}

} // namespace unike::io
