#include "edit/SpaceEncoder.h"

#include <unike/Error.h>

namespace unike::edit {

SpaceEncoder SpaceEncoder::create(int64_t in, int64_t hidden, int64_t out, bool residual,
                                  torch::Device device) {
    SpaceEncoder e;
    e.residual = residual;
    const auto options = torch::TensorOptions().device(device);
    e.w1 = (torch::randn({hidden, in}, options) / std::sqrt(double(in))).requires_grad_(true);
    e.b1 = torch::zeros({hidden}, options).requires_grad_(true);
    // A residual encoder starts at the identity: its second layer starts at zero.
    e.w2 = (residual ? torch::zeros({out, hidden}, options)
                     : torch::randn({out, hidden}, options) / std::sqrt(double(hidden)))
               .requires_grad_(true);
    e.b2 = torch::zeros({out}, options).requires_grad_(true);
    return e;
}

torch::Tensor SpaceEncoder::operator()(const torch::Tensor& x) const {
    const torch::Tensor input = x.to(w1.dtype());
    const torch::Tensor standard = inputMean.defined() ? (input - inputMean) / inputScale : input;
    torch::Tensor y = torch::nn::functional::linear(
        torch::gelu(torch::nn::functional::linear(standard, w1, b1)), w2, b2);
    return residual ? input + y : y;
}

void SpaceEncoder::freeze() {
    for (torch::Tensor* t : {&w1, &b1, &w2, &b2})
        *t = t->detach().requires_grad_(false);
}

void SpaceEncoder::exportTo(std::map<std::string, torch::Tensor>& out,
                            const std::string& prefix) const {
    out[prefix + ".w1"] = w1.detach();
    out[prefix + ".b1"] = b1.detach();
    out[prefix + ".w2"] = w2.detach();
    out[prefix + ".b2"] = b2.detach();
    if (inputMean.defined()) {
        out[prefix + ".input_mean"] = inputMean;
        out[prefix + ".input_scale"] = inputScale;
    }
}

SpaceEncoder SpaceEncoder::importFrom(const std::map<std::string, torch::Tensor>& in,
                                      const std::string& prefix, bool residual) {
    auto get = [&](const std::string& name) {
        auto it = in.find(prefix + name);
        if (it == in.end())
            throw Error(ErrorKind::File, "the preparation artefact lacks '" + prefix + name + "'");
        return it->second;
    };
    SpaceEncoder e;
    e.residual = residual;
    e.w1 = get(".w1");
    e.b1 = get(".b1");
    e.w2 = get(".w2");
    e.b2 = get(".b2");
    if (in.count(prefix + ".input_mean")) {
        e.inputMean = get(".input_mean");
        e.inputScale = get(".input_scale");
    }
    if (e.w1.dim() != 2 || e.w2.dim() != 2 || e.w2.size(1) != e.w1.size(0) ||
        (residual && e.w2.size(0) != e.w1.size(1)))
        throw Error(ErrorKind::File,
                    "the preparation artefact's '" + prefix + "' has wrong shapes");
    return e;
}

} // namespace unike::edit
