// `unike forward`: a teacher-forced forward on tensors saved by a Python session,
// written back under transformers' names, for parity checks of a port.
#include "api/WorkbenchState.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"
#include "model/WeightLoading.h"

#include <unike/Error.h>

namespace unike {
namespace {

torch::Tensor readInput(const io::SafetensorsFile& file, const std::string& name, bool required) {
    const io::TensorInfo* info = file.find(name);
    if (!info) {
        if (required)
            throw Error(ErrorKind::File, file.path() + " has no tensor '" + name +
                                             "'; save it with the name transformers uses");
        return {};
    }
    return model::readTensor(file, *info);
}

void addTensor(io::SafetensorsWriter& writer, const std::string& name, const torch::Tensor& t) {
    auto cpu = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    std::vector<int64_t> shape(cpu.sizes().begin(), cpu.sizes().end());
    writer.add(name, io::DType::F32, shape, cpu.data_ptr(), size_t(cpu.numel()) * sizeof(float));
}

} // namespace

void Workbench::forwardFile(const ForwardFileParams& params, const Progress& progress) const {
    const LoadedModel& m = impl_->require();
    const io::SafetensorsFile inputs = io::SafetensorsFile::open(params.inputsPath);
    model::ForwardInput input;
    input.pixelValues = readInput(inputs, "pixel_values", false);
    input.inputIds = readInput(inputs, "input_ids", true).to(torch::kLong);
    auto mask = readInput(inputs, "attention_mask", false);
    if (mask.defined())
        input.attentionMask = mask.to(torch::kLong);
    if (input.pixelValues.defined() && input.pixelValues.dim() != 4)
        throw Error(ErrorKind::InvalidInput, "pixel_values must be (batch, 3, height, width)");

    progress.report(0.1, "running the model");
    torch::NoGradGuard noGrad;
    model::ForwardOptions options;
    options.captureHidden = params.hidden;
    const model::ForwardResult result = m.model->forward(input, options);
    progress.throwIfCancelled("the forward pass");

    io::SafetensorsWriter writer;
    addTensor(writer, "logits", result.logits);
    for (size_t i = 0; i < result.hiddenStates.size(); ++i)
        addTensor(writer, "lm_hidden_state_" + std::to_string(i), result.hiddenStates[i]);
    writer.setMetadata("format", "pt");
    writer.write(params.outputPath);
    progress.report(1.0, "written");
}

} // namespace unike
