#pragma once
// How many parameters a config.json asks for, worked out from its sizes before anything is
// built: a config that claims 2^31 layers or a vocabulary of 2^40 must be refused while it is
// still numbers, not after the loader has started allocating. Each part names the field that
// scales it, so the refusal can say which field to check. Counts are doubles: hostile values
// overflow int64. Torch-free.

#include "io/LlavaConfig.h"
#include "io/ModelConfig.h"

#include <string>
#include <vector>

namespace unike::io {

struct ParameterPart {
    std::string field; // "qformer_config.num_hidden_layers = 2147483648"
    double parameters = 0;
};

struct ParameterEstimate {
    std::vector<ParameterPart> parts;

    double total() const;
    // The part with the most parameters: the field most likely at fault.
    const ParameterPart& largest() const;
};

// Close to the exact count (within the small vectors: biases and norms are counted with
// their layer); good enough to tell a real model from an absurd one.
ParameterEstimate estimateParameters(const Blip2Config& config);
ParameterEstimate estimateParameters(const LlavaConfig& config);
ParameterEstimate estimateParameters(const LlamaConfig& config, const std::string& prefix = "");

} // namespace unike::io
