#include "model/ModelFiles.h"

#include "io/CheckpointFiles.h"
#include "io/CheckpointWriter.h"

#include <unike/Error.h>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace unike::model {
namespace fs = std::filesystem;

namespace {

// Tensors a transformers checkpoint may hold that this model does not use.
bool isIgnorable(const std::string& name, const io::Blip2Config& config) {
    static const std::regex qformerTextPath(
        R"(qformer\.(embeddings\..*|encoder\.layer\.\d+\.(intermediate|output)\..*))");
    if (name == "language_model.lm_head.weight" && config.text.tieWordEmbeddings)
        return true; // tied to embed_tokens, which transformers loads instead
    return std::regex_match(name, qformerTextPath);
}

std::string shapeText(torch::IntArrayRef shape) {
    std::string out = "(";
    for (size_t i = 0; i < shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + ")";
}

torch::Tensor readRef(const io::TensorRef& ref) {
    return readTensor(*ref.file, *ref.info);
}

// LAVIS checkpoints keep the vision q/v biases apart; transformers fuses them as
// [q | 0 | v] into qkv.bias.
torch::Tensor fusedQkvBias(const io::CheckpointFiles& files, const std::string& name) {
    const std::string stem = name.substr(0, name.size() - std::string("qkv.bias").size());
    auto q = files.find(stem + "q_bias");
    auto v = files.find(stem + "v_bias");
    if (!q || !v)
        return {};
    auto qBias = readRef(q);
    return torch::cat({qBias, torch::zeros_like(qBias), readRef(v)});
}

} // namespace

std::shared_ptr<Blip2Model> loadBlip2(const std::string& folder, const LoadOptions& options,
                                      const Progress& progress) {
    const fs::path configPath = fs::path(folder) / "config.json";
    if (!fs::is_directory(folder))
        throw Error(ErrorKind::File, "model folder '" + folder + "' does not exist");
    if (!fs::exists(configPath))
        throw Error(ErrorKind::File, "'" + folder +
                                         "' has no config.json; a model folder needs config.json "
                                         "and model.safetensors (or a sharded index)");
    io::Blip2Config config = io::loadBlip2Config(configPath.string());
    io::CheckpointFiles files = io::CheckpointFiles::open(folder);

    // The skeleton has uninitialised weights; every one is overwritten below.
    auto model = Blip2Model::createEmpty(config);
    torch::NoGradGuard noGrad;
    ParameterStore& store = model->parameters();
    const auto names = store.names();
    size_t done = 0;
    for (const std::string& name : names) {
        progress.throwIfCancelled("loading the model");
        const torch::Tensor& target = store.get(name);
        torch::Tensor source;
        if (auto ref = files.find(name)) {
            source = readRef(ref);
        } else if (name.size() > 8 && name.compare(name.size() - 8, 8, "qkv.bias") == 0) {
            source = fusedQkvBias(files, name);
        }
        if (!source.defined())
            throw Error(ErrorKind::Model, "the checkpoint in '" + folder + "' has no tensor '" +
                                              name +
                                              "', which its config.json needs; the files "
                                              "may be incomplete or from another model");
        if (source.sizes() != target.sizes())
            throw Error(ErrorKind::Model, "tensor '" + name + "' in '" + folder + "' has shape " +
                                              shapeText(source.sizes()) +
                                              ", but config.json implies " +
                                              shapeText(target.sizes()));
        // set_data keeps the tensor every layer already holds.
        const_cast<torch::Tensor&>(target).set_data(source.to(options.device, options.dtype));
        progress.report(double(++done) / double(names.size()));
    }

    std::vector<std::string> unexpected;
    for (const std::string& name : files.names()) {
        if (store.contains(name) || isIgnorable(name, config))
            continue;
        if (name.find("self_attn.q_bias") != std::string::npos ||
            name.find("self_attn.v_bias") != std::string::npos)
            continue; // fused above
        unexpected.push_back(name);
    }
    if (!unexpected.empty()) {
        std::string list;
        for (size_t i = 0; i < unexpected.size() && i < 5; ++i)
            list += (i ? ", " : "") + unexpected[i];
        if (unexpected.size() > 5)
            list += " and " + std::to_string(unexpected.size() - 5) + " more";
        throw Error(ErrorKind::Model, "the checkpoint in '" + folder + "' holds " +
                                          std::to_string(unexpected.size()) +
                                          " tensor(s) this BLIP-2 (OPT) model does not have: " +
                                          list + "; check that config.json matches the weights");
    }
    spdlog::info("loaded {} ({} tensors, {:.1f} M parameters) on {}", folder, names.size(),
                 double(store.parameterCount()) / 1e6, options.device.str());
    return model;
}

void saveBlip2(const Blip2Model& model, const std::string& folder, io::DType storage, int shards) {
    fs::create_directories(folder);
    std::vector<io::TensorData> tensors;
    const torch::ScalarType dtype = toTorch(storage);
    for (const auto& [name, tensor] : model.parameters().all()) {
        auto cpu = tensor.detach().to(torch::kCPU, dtype).contiguous();
        io::TensorData data;
        data.name = name;
        data.dtype = storage;
        data.shape.assign(cpu.sizes().begin(), cpu.sizes().end());
        const auto* bytes = static_cast<const uint8_t*>(cpu.data_ptr());
        data.bytes.assign(bytes, bytes + cpu.numel() * cpu.element_size());
        tensors.push_back(std::move(data));
    }
    io::writeCheckpoint(folder, std::move(tensors), shards);
    std::ofstream config(fs::path(folder) / "config.json");
    config << io::toJson(model.config()) << '\n';
    if (!config)
        throw Error(ErrorKind::File, "cannot write config.json in '" + folder + "'");
}

} // namespace unike::model
