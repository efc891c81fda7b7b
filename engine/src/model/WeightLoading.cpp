#include "model/WeightLoading.h"

#include "compute/HostMemory.h"
#include "io/CheckpointWriter.h"
#include "model/TensorConversions.h"

#include <unike/Error.h>
#include <unike/Runtime.h>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace unike::model {
namespace fs = std::filesystem;

namespace {

std::string shapeText(torch::IntArrayRef shape) {
    std::string out = "(";
    for (size_t i = 0; i < shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + ")";
}

void refuseUnexpected(const std::vector<std::string>& unexpected, const std::string& folder,
                      const std::string& architecture) {
    std::string list;
    for (size_t i = 0; i < unexpected.size() && i < 5; ++i)
        list += (i ? ", " : "") + unexpected[i];
    if (unexpected.size() > 5)
        list += " and " + std::to_string(unexpected.size() - 5) + " more";
    throw Error(ErrorKind::Model, "the checkpoint in '" + folder + "' holds " +
                                      std::to_string(unexpected.size()) + " tensor(s) this " +
                                      architecture + " model does not have: " + list +
                                      "; check that config.json matches the weights");
}

std::string gigabytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
    return text;
}

std::string parameterCount(double parameters) {
    char text[32];
    if (parameters >= 1e12) // absurd sizes read best as powers of ten
        std::snprintf(text, sizeof text, "%.2g", parameters);
    else if (parameters >= 1e9)
        std::snprintf(text, sizeof text, "%.3g billion", parameters / 1e9);
    else
        std::snprintf(text, sizeof text, "%.3g million", parameters / 1e6);
    return text;
}

// Free memory on the device the weights go to; 0 when it cannot be known.
double freeBytes(const torch::Device& device) {
    if (device.is_cpu())
        return compute::availableHostMemoryBytes();
    const GpuMemoryInfo gpu = gpuMemory(device.has_index() ? device.index() : 0);
    return gpu.available ? gpu.totalBytes - gpu.usedBytes : 0.0;
}

} // namespace

io::CheckpointFiles openCheckpointFor(const std::string& folder,
                                      const io::ParameterEstimate& wanted,
                                      const LoadOptions& options) {
    io::CheckpointFiles files = io::CheckpointFiles::open(folder);
    double held = 0;
    for (const io::SafetensorsFile& file : files.files())
        for (const io::TensorInfo& info : file.tensors())
            held += double(info.numel());
    const double asked = wanted.total();
    // Estimates count biases and norms roughly, and a small mismatch is better named by the
    // tensor it lacks (loadWeights); this catches the absurd ones before they are built.
    if (asked > 2 * held + 1e6)
        throw Error(ErrorKind::Model,
                    "config.json in '" + folder + "' describes a model of about " +
                        parameterCount(asked) + " parameters, but its checkpoint holds " +
                        parameterCount(held) + "; most of them would come from " +
                        wanted.largest().field +
                        ". Check that field against the weights (the config may be corrupt or "
                        "from another model)");
    const double bytes = asked * double(torch::elementSize(options.dtype));
    const double free = freeBytes(options.device);
    if (free > 0 && bytes > free)
        throw Error(ErrorKind::Model,
                    "the model in '" + folder + "' needs about " + gigabytes(bytes) + " for its " +
                        parameterCount(asked) + " parameters in " +
                        std::string(c10::toString(options.dtype)) + ", but " +
                        options.device.str() + " has only " + gigabytes(free) +
                        " free. Close other programs, or load it in float16 on a CUDA "
                        "device (--device cuda --dtype float16)");
    return files;
}

FoundTensor findExact(const io::CheckpointFiles& files, const std::string& name) {
    FoundTensor found;
    if (auto ref = files.find(name)) {
        found.tensor = readTensor(*ref.file, *ref.info);
        found.sources.push_back(name);
    }
    return found;
}

std::string readConfigText(const std::string& folder) {
    const fs::path configPath = fs::path(folder) / "config.json";
    if (!fs::is_directory(folder))
        throw Error(ErrorKind::File, "model folder '" + folder + "' does not exist");
    if (fs::is_directory(configPath))
        throw Error(ErrorKind::File, configPath.string() + " is a folder; a model folder needs "
                                                           "config.json as a file");
    if (!fs::exists(configPath))
        throw Error(ErrorKind::File, "'" + folder +
                                         "' has no config.json; a model folder needs config.json "
                                         "and model.safetensors (or a sharded index)");
    std::ifstream in(configPath, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in)
        throw Error(ErrorKind::File, "cannot read " + configPath.string());
    return text.str();
}

void loadWeights(MultimodalModel& model, const io::CheckpointFiles& files,
                 const CheckpointNaming& naming, const LoadOptions& options,
                 const Progress& progress) {
    const std::string& folder = files.folder();
    torch::NoGradGuard noGrad;
    ParameterStore& store = model.parameters();
    const auto names = store.names();
    std::set<std::string> used;
    std::vector<std::string> nonFinite;
    size_t done = 0;
    for (const std::string& name : names) {
        progress.throwIfCancelled("loading the model");
        const torch::Tensor& target = store.get(name);
        FoundTensor source = naming.find(files, name);
        if (!source.tensor.defined())
            throw Error(ErrorKind::Model, "the checkpoint in '" + folder + "' has no tensor '" +
                                              name +
                                              "', which its config.json needs; the files "
                                              "may be incomplete or from another model");
        if (source.tensor.sizes() != target.sizes())
            throw Error(ErrorKind::Model, "tensor '" + source.sources.front() + "' in '" + folder +
                                              "' has shape " + shapeText(source.tensor.sizes()) +
                                              ", but config.json implies " +
                                              shapeText(target.sizes()));
        // A diverged or corrupt checkpoint still loads, but nobody should read its answers
        // as meaning anything: say which tensors hold NaN or infinite values.
        if (source.tensor.is_floating_point()) {
            const int64_t bad =
                source.tensor.numel() - torch::isfinite(source.tensor).sum().item<int64_t>();
            if (bad > 0)
                nonFinite.push_back(source.sources.front() + " (" + std::to_string(bad) + " of " +
                                    std::to_string(source.tensor.numel()) + " values)");
        }
        used.insert(source.sources.begin(), source.sources.end());
        // set_data keeps the tensor every layer already holds.
        const_cast<torch::Tensor&>(target).set_data(
            source.tensor.to(options.device, options.dtype));
        progress.report(double(++done) / double(names.size()));
    }

    std::vector<std::string> unexpected;
    for (const std::string& name : files.names())
        if (!used.count(name) && !naming.ignorable(name))
            unexpected.push_back(name);
    if (!unexpected.empty())
        refuseUnexpected(unexpected, folder, model.architecture());
    if (!nonFinite.empty()) {
        std::string list;
        for (size_t i = 0; i < nonFinite.size() && i < 5; ++i)
            list += (i ? ", " : "") + nonFinite[i];
        if (nonFinite.size() > 5)
            list += " and " + std::to_string(nonFinite.size() - 5) + " more";
        model.addLoadWarning("the weights in '" + folder + "' hold NaN or infinite values in " +
                             std::to_string(nonFinite.size()) + " tensor(s): " + list +
                             ". Its answers and probabilities mean nothing; the file may be "
                             "corrupt or from a training run that diverged");
        spdlog::warn("{}", model.loadWarnings().back());
    }
    spdlog::info("loaded {} {} ({} tensors, {:.1f} M parameters) on {}", model.architecture(),
                 folder, names.size(), double(store.parameterCount()) / 1e6, options.device.str());
}

void saveModel(const MultimodalModel& model, const std::string& folder, io::DType storage,
               int shards) {
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
    config << model.configJson() << '\n';
    if (!config)
        throw Error(ErrorKind::File, "cannot write config.json in '" + folder + "'");
}

} // namespace unike::model
