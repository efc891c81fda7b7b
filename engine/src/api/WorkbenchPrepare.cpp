// `prepare` (METHOD.md §5-6): the triplet hidden states of a training split, the
// knowledge banks, the two encoders, zeta and the memory of unrelated FFN inputs,
// cached as an artefact keyed by the model's and the data's hashes.
#include "api/PreparationCache.h"
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "data/MmeditDataset.h"
#include "edit/EditPrePass.h"
#include "edit/EncoderTraining.h"
#include "io/ContentHash.h"

#include <unike/DemoWorld.h>
#include <unike/Error.h>
#include <unike/Logging.h>

#include <chrono>
#include <filesystem>

namespace unike {
namespace fs = std::filesystem;
namespace {

constexpr int kMemoryRows = 512; // unrelated FFN inputs kept per layer

struct TrainingSplit {
    std::vector<std::pair<data::Triplet, PromptStyle>> triplets;
    std::string hash;
};

TrainingSplit readTrainingSplit(const std::string& folder, size_t limit) {
    TrainingSplit split;
    io::ContentHash hash;
    bool found = false;
    for (auto [task, style] : {std::pair{data::MmeditTask::Vqa, PromptStyle::Vqa},
                               std::pair{data::MmeditTask::Caption, PromptStyle::Raw}}) {
        std::string file;
        try {
            file = data::findMmeditFile(folder, task, "train");
        } catch (const Error&) {
            continue; // a folder may hold only one task
        }
        found = true;
        data::MmeditLoadOptions options;
        options.task = task;
        const data::MmeditLoadResult loaded = data::loadMmeditFile(file, options);
        if (!loaded.problems.empty())
            logMessage(LogLevel::Warn, "prepare: " + loaded.summary(5));
        hash.addFile(file);
        for (const data::Triplet& t : data::makeTriplets(loaded.records))
            split.triplets.push_back({t, style});
    }
    if (!found)
        throw Error(ErrorKind::File, "'" + folder +
                                         "' has no training split (vqa_train.json or "
                                         "caption_train_edit.json); give --data DIR");
    if (split.triplets.empty())
        throw Error(ErrorKind::InvalidInput, "the training split in '" + folder +
                                                 "' has no usable triplets (records need "
                                                 "src, alt and a different pred)");
    // Spread a limit over both tasks: every k-th triplet rather than the first ones.
    if (limit > 0 && limit < split.triplets.size()) {
        std::vector<std::pair<data::Triplet, PromptStyle>> kept;
        const double step = double(split.triplets.size()) / double(limit);
        for (size_t i = 0; i < limit; ++i)
            kept.push_back(split.triplets[size_t(double(i) * step)]);
        split.triplets = std::move(kept);
    }
    hash.add(std::to_string(limit));
    split.hash = hash.hex();
    return split;
}

} // namespace

const edit::Preparation& LoadedModel::requirePreparation(const std::string& operation) const {
    if (!preparation)
        throw Error(ErrorKind::InvalidInput,
                    operation +
                        " needs the model prepared first (the knowledge bank and the "
                        "encoders): run 'unike prepare --model " +
                        info.folder + "' or Run > Prepare model in the Studio");
    return *preparation;
}

void LoadedModel::install(std::shared_ptr<const edit::Preparation> prepared,
                          const std::string& path, bool reused) {
    PreparationInfo info;
    info.artefactPath = path;
    info.modelHash = prepared->modelHash;
    info.dataHash = prepared->dataHash;
    info.version = edit::Preparation::kVersion;
    info.triplets = prepared->triplets;
    info.layers = prepared->layers;
    info.semanticLoss = prepared->semanticLoss;
    info.truthLoss = prepared->truthLoss;
    info.truthAccuracy = prepared->truthAccuracy;
    info.semanticRecall = prepared->semanticRecall;
    info.seconds = prepared->seconds;
    info.reused = reused;
    preparation = std::move(prepared);
    preparationInfo = std::move(info);
}

void LoadedModel::installFile(const std::string& path) {
    install(std::make_shared<edit::Preparation>(
                edit::Preparation::load(path, model->device(), model->dtype())),
            path, true);
}

PreparationInfo Workbench::prepare(const PrepareParams& params, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    LoadedModel& m = impl_->require();
    if (params.epochs < 1 || params.learningRate <= 0 || params.truthDims < 2)
        throw Error(ErrorKind::InvalidInput,
                    "prepare needs epochs >= 1, a positive learning rate and truth dims >= 2");
    std::string dataFolder = params.dataFolder;
    if (dataFolder.empty()) {
        MakeBenchParams demo; // the default sizes: 3000 training records
        demo.worldFile = worldFileOf(m.info.folder);
        dataFolder = cachedDemoBenchmark(demo, progress.subRange(0, 0.1));
    }
    progress.report(0.1, "reading the training split");
    const TrainingSplit split = readTrainingSplit(dataFolder, params.limit);
    io::ContentHash dataHash;
    dataHash.add(split.hash)
        .add(std::to_string(params.epochs))
        .add(std::to_string(params.learningRate))
        .add(std::to_string(params.truthDims));
    const std::string folder = preparationFolder(m.info.folder, m.info.hash, params.cacheDir);
    const std::string path =
        (fs::path(folder) / preparationFileName(m.info.hash, dataHash.hex())).string();

    if (!params.force && fs::exists(path)) {
        impl_->installFile(path);
        progress.report(1.0, "loaded the cached preparation");
        return m.preparationInfo;
    }

    const std::vector<int> layers =
        edit::EditHyperParams().resolvedLayers(m.model->decoder().layerCount());
    std::map<int, std::vector<torch::Tensor>> sem, pos, neg, memory;
    const Progress collecting = progress.subRange(0.1, 0.6);
    const size_t total = split.triplets.size();
    {
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < total; ++i) {
            collecting.throwIfCancelled("prepare");
            if (i % 50 == 0)
                collecting.report(double(i) / double(total), "hidden states of triplet " +
                                                                 std::to_string(i + 1) + " of " +
                                                                 std::to_string(total));
            const auto& [triplet, style] = split.triplets[i];
            edit::EditRequest request;
            if (!triplet.imagePath.empty()) {
                ImageInput image;
                image.path = triplet.imagePath;
                request.prefix = m.model->imagePrefix(impl_->pixelValues(image));
            }
            request.promptIds = m.tokenizer->encode(
                PromptSpec{trimmedText(triplet.prompt), style, request.prefix.defined()}.text(
                    m.model->prompts()),
                true);
            request.targetIds = m.tokenizer->encodeAnswer(trimmedText(triplet.positive));
            const bool keepMemory = int(i) % std::max<int>(1, int(total) / kMemoryRows) == 0;
            const edit::EditPrePass right = edit::runEditPrePass(*m.model, request, keepMemory);
            request.targetIds = m.tokenizer->encodeAnswer(trimmedText(triplet.negative));
            const edit::EditPrePass wrong = edit::runEditPrePass(*m.model, request, false);
            for (int layer : layers) {
                sem[layer].push_back(right.queries.at(layer).view({-1}));
                pos[layer].push_back(right.forward.hiddenStates[size_t(layer)]
                                         .select(1, right.lastPosition)
                                         .view({-1}));
                neg[layer].push_back(wrong.forward.hiddenStates[size_t(layer)]
                                         .select(1, wrong.lastPosition)
                                         .view({-1}));
                if (keepMemory && memory[layer].size() < size_t(kMemoryRows))
                    memory[layer].push_back(right.forward.ffnInputs[size_t(layer)]
                                                .select(1, right.queryPosition)
                                                .view({-1}));
            }
        }
    }

    auto prepared = std::make_shared<edit::Preparation>();
    prepared->modelHash = m.info.hash;
    prepared->dataHash = dataHash.hex();
    prepared->layers = layers;
    prepared->triplets = int(total);
    edit::EncoderTrainingOptions training;
    training.epochs = params.epochs;
    training.learningRate = params.learningRate;
    training.truthDims = params.truthDims;
    for (size_t l = 0; l < layers.size(); ++l) {
        const int layer = layers[l];
        const edit::TripletStates states{torch::stack(sem[layer]), torch::stack(pos[layer]),
                                         torch::stack(neg[layer])};
        prepared->banks[layer] = {states.sem, states.pos};
        prepared->memory[layer] = torch::stack(memory[layer]);
        const double begin = 0.6 + 0.4 * double(l) / double(layers.size());
        const edit::TrainedEncoders trained = edit::trainSpaceEncoders(
            states, training, progress.subRange(begin, begin + 0.4 / double(layers.size())));
        prepared->semantic[layer] = trained.semantic;
        prepared->truth[layer] = trained.truth;
        prepared->semanticLoss += trained.semanticLoss / double(layers.size());
        prepared->truthLoss += trained.truthLoss / double(layers.size());
        prepared->truthAccuracy += trained.truthAccuracy / double(layers.size());
        prepared->semanticRecall += trained.semanticRecall / double(layers.size());
        // zeta: from wrong to right in the top edited layer's truthfulness space.
        if (l + 1 == layers.size())
            prepared->zeta = trained.zeta.to(m.model->dtype());
    }
    prepared->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    prepared->save(path);
    impl_->install(std::move(prepared), path, false);
    progress.report(1.0, "prepared " + std::to_string(total) + " triplets");
    return m.preparationInfo;
}

bool Workbench::isPrepared() const {
    return impl_->loaded && impl_->loaded->preparation != nullptr;
}

const PreparationInfo& Workbench::preparation() const {
    const LoadedModel& m = impl_->require();
    m.requirePreparation("reading the preparation");
    return m.preparationInfo;
}

} // namespace unike
