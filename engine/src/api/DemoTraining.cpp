#include "api/InContextFacts.h"
#include "api/WorldPrompts.h"
#include "model/WeightLoading.h"
#include "model/blip2/Blip2Model.h"
#include "model/blip2/DemoBlip2Config.h"
#include "model/llava/DemoLlavaConfig.h"
#include "model/llava/LlavaModel.h"
#include "text/BpeTrainer.h"
#include "text/LlamaTokenizerFromByteLevel.h"
#include "train/DemoTrainer.h"
#include "world/SampleGenerator.h"
#include "world/World.h"

#include <unike/DemoTraining.h>
#include <unike/Error.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

namespace unike {
namespace fs = std::filesystem;
namespace {

train::TrainingSample toTrainingSample(world::Sample sample) {
    train::TrainingSample out;
    out.hasImage = sample.hasImage;
    out.image = std::move(sample.image);
    out.prompt = std::move(sample.prompt);
    out.answer = std::move(sample.answer);
    out.auxLabels = std::move(sample.auxLabels);
    out.subjectObject = sample.subjectObject;
    for (const world::ObjectArea& area : sample.objectAreas)
        out.objectAreas.push_back({area.cx, area.cy, area.extent});
    out.group = world::taskKindName(sample.kind);
    return out;
}

// A curriculum (EVIDENCE.md): early on, image samples come mostly from one-object
// scenes, where a shape or colour label needs no binding; their share falls to
// zero by 30% of the budget. Prompts are in the model family's format.
class WorldSource : public train::SampleSource {
public:
    WorldSource(world::SampleGenerator& generator, world::SampleGenerator& singleObject,
                InContextFacts facts, const model::PromptFormat& format)
        : generator_(generator)
        , singleObject_(singleObject)
        , facts_(facts)
        , format_(format) {}
    train::TrainingSample next() override {
        const double singleShare = std::max(0.0, 1.0 - fraction_ / 0.3) * 0.7;
        const bool single = double(draws_++ % 100) < singleShare * 100.0;
        world::Sample sample = single ? singleObject_.next() : generator_.next();
        const std::string fact = facts_.apply(sample);
        sample.prompt = worldPrompt(sample, format_, fact);
        return toTrainingSample(std::move(sample));
    }
    std::vector<int> auxLabelSizes() const override { return generator_.auxLabelSizes(); }
    std::vector<std::string> auxLabelNames() const override { return generator_.auxLabelNames(); }
    std::vector<std::vector<std::string>> auxLabelWords() const override {
        return generator_.auxLabelWords();
    }
    void setTrainingFraction(double fraction) override { fraction_ = fraction; }

private:
    world::SampleGenerator& generator_;
    world::SampleGenerator& singleObject_;
    InContextFacts facts_;
    const model::PromptFormat& format_;
    double fraction_ = 0.0;
    uint64_t draws_ = 0;
};

// One family's untrained demo model, its tokenizer and image processor, and how it saves.
struct FamilyDemo {
    std::shared_ptr<model::MultimodalModel> model;
    std::shared_ptr<const text::TextTokenizer> tokenizer;
    vision::ImageProcessorConfig processor;
    std::function<void(const std::string& folder)> saveTokenizer;
};

// BLIP-2 (OPT) reads the trained byte-level BPE as it is, as OPT reads GPT-2's.
FamilyDemo demoBlip2(const text::BpeTokenizer& trained, const TrainDemoParams& params) {
    auto tokenizer = std::make_shared<const text::BpeTokenizer>(trained);
    FamilyDemo demo;
    demo.model = model::Blip2Model::createRandom(
        model::demoBlip2Config(int(tokenizer->vocabSize()), params.imageSize, params.patchSize,
                               params.visionLayers),
        params.seed);
    demo.tokenizer = tokenizer;
    demo.processor.height = demo.processor.width = params.imageSize;
    demo.saveTokenizer = [tokenizer](const std::string& folder) { tokenizer->save(folder); };
    return demo;
}

// LLaVA gets the same pieces as LLaMA's kind of tokenizer (byte fallback, "▁"), with
// llava-hf's "<image>" and "<pad>" after them, written to the output folder first and read
// back through the loader every LLaVA folder goes through; a CLIPImageProcessor.
FamilyDemo demoLlava(const text::BpeTokenizer& trained, const TrainDemoParams& params) {
    text::writeLlamaTokenizerFromByteLevel(trained, {"<image>", "<pad>"}, params.outDir, "<pad>");
    FamilyDemo demo;
    demo.tokenizer = text::loadTokenizer(params.outDir);
    const int imageToken = demo.tokenizer->tokenToId("<image>");
    if (imageToken < 0 || demo.tokenizer->padId() < 0)
        throw Error(ErrorKind::Internal, "the demo LLaVA's tokenizer lost <image> or <pad>");
    demo.model = model::LlavaModel::createRandom(
        model::demoLlavaConfig(int64_t(demo.tokenizer->vocabSize()), imageToken,
                               demo.tokenizer->padId(), params.imageSize, params.patchSize,
                               params.visionLayers),
        params.seed);
    demo.processor = vision::ImageProcessorConfig::clip();
    demo.processor.shortestEdge = demo.processor.height = demo.processor.width = params.imageSize;
    demo.processor.cropHeight = demo.processor.cropWidth = params.imageSize;
    demo.saveTokenizer = [](const std::string&) {}; // already there
    return demo;
}

} // namespace

TrainDemoReport trainDemoModel(const TrainDemoParams& params, const Progress& progress) {
    if (params.outDir.empty())
        throw Error(ErrorKind::InvalidInput, "train-demo needs an output folder (--out DIR)");
    if (params.minutes <= 0 || params.minutes > 24 * 60)
        throw Error(ErrorKind::InvalidInput, "--minutes must be between 0 and 1440");
    if (params.visionLayers < 1 || params.visionLayers > 24)
        throw Error(ErrorKind::InvalidInput, "--vision-layers must be between 1 and 24");
    if (params.patchSize < 2 || params.imageSize % params.patchSize != 0)
        throw Error(ErrorKind::InvalidInput, "--patch must divide the image size (" +
                                                 std::to_string(params.imageSize) +
                                                 " px), for example 12 or 16");
    const auto& counts = params.objectCountWeights;
    if (counts.size() != 3 || *std::min_element(counts.begin(), counts.end()) < 0 ||
        counts[0] + counts[1] + counts[2] <= 0)
        throw Error(ErrorKind::InvalidInput,
                    "--object-counts takes three non-negative weights for scenes of one, two "
                    "and three objects, for example 0.5,0.35,0.15");
    const auto& mix = params.taskMix;
    if (mix.size() != 4 || *std::min_element(mix.begin(), mix.end()) < 0 ||
        mix[0] + mix[1] + mix[2] + mix[3] <= 0)
        throw Error(ErrorKind::InvalidInput,
                    "--task-mix takes four non-negative shares for perception, knowledge, "
                    "caption and text samples, for example 0.4,0.25,0.2,0.15");
    if (params.family != "blip-2" && params.family != "llava")
        throw Error(ErrorKind::InvalidInput,
                    "--family '" + params.family + "' has no demo model; use blip-2 or llava");
    if (params.family != "blip-2" &&
        (params.objectQueries || params.objectTokens || params.objectWords))
        throw Error(ErrorKind::InvalidInput,
                    "--object-queries, --object-tokens and --object-words group BLIP-2's "
                    "Q-Former queries by object; a " +
                        params.family +
                        " model has no queries: use --object-regions, which reads each object "
                        "from the patches it covers");
    if (params.family != "llava" && params.objectRegions)
        throw Error(ErrorKind::InvalidInput,
                    "--object-regions reads objects from LLaVA's patch tokens; BLIP-2 has "
                    "--object-queries");
    if (params.objectAttentionWeight < 0 ||
        (params.objectAttentionWeight > 0 && !params.objectQueries && !params.objectRegions))
        throw Error(ErrorKind::InvalidInput,
                    "--object-attention takes a non-negative weight and needs --object-queries "
                    "(BLIP-2) or --object-regions (LLaVA), which tell each object's image tokens");
    fs::create_directories(params.outDir);

    progress.report(0.0, "building the world");
    const world::World world = params.worldFile.empty() ? world::World::generate(params.seed)
                                                        : world::World::load(params.worldFile);
    world::SampleOptions trainOptions;
    trainOptions.imageSize = params.imageSize;
    trainOptions.seed = params.seed;
    trainOptions.split = world::Split::Train;
    trainOptions.objectCounts = {counts[0], counts[1], counts[2]};
    trainOptions.mix = {mix[0], mix[1], mix[2], mix[3]};
    world::SampleGenerator generator(world, trainOptions);

    progress.report(0.0, "training the tokenizer");
    text::BpeTrainer tokenizerTrainer({size_t(params.vocabSize), 2});
    tokenizerTrainer.feed(generator.corpus());
    // The corpus holds each distinct text once, so an answer such as "honey" that only ever
    // follows a prompt was seen once, below the merge threshold, and stayed split into bytes.
    // Token accuracy then credited the predictable tail of a wrong answer (28.7% reliability
    // before editing). In training every answer follows its prompt after a space, many times:
    // fed so, each one-word answer becomes one token, as it is in a real LLM's vocabulary.
    const std::vector<std::string> answers = generator.answerVocabulary();
    for (int copy = 0; copy < 2; ++copy)
        for (const std::string& answer : answers)
            tokenizerTrainer.feed(" " + answer);
    // LLaVA's conversation words, so that they are whole pieces as well.
    if (params.family == "llava")
        for (int copy = 0; copy < 2; ++copy)
            tokenizerTrainer.feed(std::vector<std::string>{" USER:", " ASSISTANT:"});
    const FamilyDemo demo = params.family == "llava" ? demoLlava(tokenizerTrainer.train(), params)
                                                     : demoBlip2(tokenizerTrainer.train(), params);
    const text::TextTokenizer& tokenizer = *demo.tokenizer;
    model::MultimodalModel& model = *demo.model;
    spdlog::info("demo {}: {} tokens ({})", model.architecture(), tokenizer.vocabSize(),
                 tokenizer.kind());

    world::SampleOptions evalOptions = trainOptions;
    evalOptions.split = world::Split::Eval;
    evalOptions.seed = params.seed + 1000;
    evalOptions.objectCounts = {};
    evalOptions.mix = {};
    world::SampleGenerator evalGenerator(world, evalOptions);
    std::vector<train::TrainingSample> heldOut;
    for (int i = 0; i < 800; ++i) {
        world::Sample sample = evalGenerator.next();
        if (sample.misconception)
            continue;
        sample.prompt = worldPrompt(sample, model.prompts());
        heldOut.push_back(toTrainingSample(std::move(sample)));
    }

    world::SampleOptions singleOptions = trainOptions;
    singleOptions.maxObjects = 1;
    singleOptions.seed = params.seed + 7;
    singleOptions.objectCounts = {};
    world::SampleGenerator singleObject(world, singleOptions);
    InContextFactOptions factOptions;
    factOptions.share = params.inContextShare;
    factOptions.runLength = params.batchSize;
    factOptions.seed = params.seed;
    WorldSource source(generator, singleObject, InContextFacts(factOptions), model.prompts());
    train::TrainerOptions options;
    options.minutes = params.minutes;
    options.maxSteps = params.maxSteps;
    options.batchSize = params.batchSize;
    options.visionWarmupMinutes = params.visionWarmupMinutes;
    options.visionWarmupShapeWeight = params.visionWarmupShapeWeight;
    options.imageFirstMinutes = params.imageFirstMinutes;
    options.visionTowerLearningRateScale = params.visionTowerLearningRateScale;
    options.seed = params.seed;
    options.objectQueries = params.objectQueries;
    options.prefetchBatches = params.prefetchBatches;
    options.objectTokens = params.objectTokens;
    options.objectWords = params.objectWords;
    options.objectRegions = params.objectRegions;
    options.objectAttentionWeight = params.objectAttentionWeight;
    train::DemoTrainer trainer(model, tokenizer, source, options);
    const train::TrainerLog log = trainer.run(progress, heldOut);

    progress.report(1.0, "saving");
    model::saveModel(model, params.outDir);
    demo.saveTokenizer(params.outDir);
    std::ofstream(fs::path(params.outDir) / "preprocessor_config.json")
        << demo.processor.toJson() << '\n';
    world.save(fs::path(params.outDir) / "world.json");

    TrainDemoReport report;
    report.steps = log.steps;
    report.visionWarmupSteps = log.visionWarmupSteps;
    report.seconds = log.seconds;
    report.finalLoss = log.finalLoss;
    report.parameters = model.parameters().parameterCount();
    report.family = model.family();
    report.heldOutAccuracy = log.heldOutAccuracy;
    report.outDir = params.outDir;
    nlohmann::json record = {{"command", params.commandLine},
                             {"family", model.family()},
                             {"seed", params.seed},
                             {"minutes", params.minutes},
                             {"steps", log.steps},
                             {"vision_warmup_minutes", params.visionWarmupMinutes},
                             {"vision_warmup_steps", log.visionWarmupSteps},
                             {"vision_warmup_shape_accuracy", log.visionWarmupShapeAccuracy},
                             {"warmup_shape_weight", params.visionWarmupShapeWeight},
                             {"image_first_minutes", params.imageFirstMinutes},
                             {"vision_tower_lr_scale", params.visionTowerLearningRateScale},
                             {"in_context_share", params.inContextShare},
                             {"patch_size", params.patchSize},
                             {"vision_layers", params.visionLayers},
                             {"object_count_weights", params.objectCountWeights},
                             {"task_mix", params.taskMix},
                             {"object_queries", params.objectQueries},
                             {"object_tokens", params.objectTokens},
                             {"object_words", params.objectWords},
                             {"object_regions", params.objectRegions},
                             {"object_attention_weight", params.objectAttentionWeight},
                             {"prefetch_batches", params.prefetchBatches},
                             {"seconds", log.seconds},
                             {"final_loss", log.finalLoss},
                             {"parameters", report.parameters},
                             {"held_out_teacher_forced_exact_match", log.heldOutAccuracy},
                             {"loss_curve", log.lossCurve}};
    std::ofstream(fs::path(params.outDir) / "training.json") << record.dump(2) << '\n';
    return report;
}

} // namespace unike
