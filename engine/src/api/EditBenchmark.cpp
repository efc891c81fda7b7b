// `unike bench edit`: how long one edit takes, per method, on this machine.
#include "api/EditMethods.h"
#include "api/PreparationCache.h"
#include "api/WorkbenchState.h"
#include "compute/Device.h"
#include "data/MmeditDataset.h"
#include "vision/ImageDecoder.h"
#include "vision/ImagePreprocessor.h"

#include <unike/Benchmarks.h>
#include <unike/DemoWorld.h>
#include <unike/EditTypes.h>
#include <unike/Error.h>
#include <unike/Resources.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace unike {
namespace fs = std::filesystem;
namespace {

int64_t patchBytes(const edit::EditPatch& patch) {
    int64_t bytes = 0;
    auto add = [&](const torch::Tensor& t) {
        if (t.defined())
            bytes += t.numel() * t.element_size();
    };
    for (const auto& [layer, n] : patch.neurons) {
        add(n.keys);
        add(n.bias);
        add(n.values);
    }
    for (const auto& [layer, t] : patch.keys)
        add(t);
    for (const auto& [layer, t] : patch.bankValues)
        add(t);
    add(patch.zetaProjection);
    for (const auto& [name, swap] : patch.weightSwaps)
        add(swap.second); // the delta the stack keeps live
    return bytes + int64_t(patch.demonstration.size());
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0
                          : values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

BenchmarkReport benchmarkEdits(const EditBenchmarkParams& params, const Progress& progress) {
    const std::string folder = params.modelFolder.empty() ? demoModelFolder() : params.modelFolder;
    model::LoadOptions options;
    options.device = compute::parseDevice(params.device);
    options.dtype = compute::parseDType(params.dtype, options.device);
    const LoadedModel loaded = loadModelFolder(folder, options);
    model::MultimodalModel& model = *loaded.model;
    const text::TextTokenizer& tokenizer = *loaded.tokenizer;
    // Preparation is excluded from the timings but its bank and memory take part.
    std::shared_ptr<edit::Preparation> preparation;
    if (const auto artefact = findPreparation(folder, modelFolderHash(folder)))
        preparation = std::make_shared<edit::Preparation>(
            edit::Preparation::load(*artefact, model.device(), model.dtype()));

    std::string data = params.dataFolder;
    fs::path temporary;
    if (data.empty()) {
        temporary = fs::temp_directory_path() / ("unike-bench-edit-" + std::to_string(::getpid()));
        MakeBenchParams bench;
        bench.outDir = temporary.string();
        bench.vqaEval = std::max(10, params.cases);
        bench.captionEval = 10;
        bench.trainRecords = 20;
        bench.worldFile = worldFileOf(folder);
        makeBenchmark(bench);
        data = bench.outDir;
    }
    data::MmeditLoadOptions load;
    load.limit = size_t(params.cases);
    const auto records =
        data::loadMmeditFile(data::findMmeditFile(data, data::MmeditTask::Vqa, "eval"), load)
            .records;
    vision::ImageDecoder decoder;
    std::vector<edit::EditRequest> requests;
    {
        torch::NoGradGuard noGrad;
        for (const auto& r : records) {
            const std::string prompt = model.prompts().prompt(r.src, model::PromptKind::Vqa);
            requests.push_back({loaded.imagePrefix(decoder.decodeFile(r.imagePath)),
                                tokenizer.encode(prompt), tokenizer.encodeAnswer(r.alt), prompt,
                                r.alt, tokenizer.eosId()});
        }
    }
    if (!temporary.empty())
        fs::remove_all(temporary);
    const std::vector<std::string> methods =
        params.methods.empty() ? editMethods() : params.methods;
    BenchmarkReport report;
    report.labels["model"] = folder;
    report.labels["device"] = compute::deviceName(options.device);
    report.labels["dtype"] = compute::dtypeName(options.dtype);
    report.labels["prepared"] = preparation ? "yes" : "no (run unike prepare)";
    report.numbers["cases"] = double(requests.size());
    size_t done = 0;
    for (const std::string& method : methods) {
        const EditMethod& editing = editMethod(method);
        const edit::EditHyperParams hyper = loaded.hyperParams(method, "", {});
        std::vector<double> seconds;
        double steps = 0, bytes = 0;
        for (const edit::EditRequest& request : requests) {
            progress.throwIfCancelled("the edit benchmark");
            edit::EditStack stack(model);
            if (preparation)
                preparation->installInto(stack);
            const std::shared_ptr<edit::EditPatch> patch =
                editing.makeEditor({model, stack, hyper, preparation.get()})
                    ->train(request, Progress());
            seconds.push_back(patch->seconds);
            steps += patch->steps;
            bytes += double(patchBytes(*patch));
            progress.report(double(++done) / double(methods.size() * requests.size()), method);
        }
        const double n = double(std::max<size_t>(1, requests.size()));
        report.numbers[method + ".median_seconds"] = percentile(seconds, 0.5);
        report.numbers[method + ".p90_seconds"] = percentile(seconds, 0.9);
        report.numbers[method + ".mean_steps"] = steps / n;
        report.numbers[method + ".bytes_per_edit"] = bytes / n;
    }
    return report;
}

} // namespace unike
