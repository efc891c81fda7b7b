// `unike bench demo`: how good the demo model is where it should be right, and how
// wrong where the edits will correct it (issue: the demo model's quality bar).
#include "api/PromptText.h"
#include "api/WorkbenchState.h"
#include "api/WorldPrompts.h"
#include "data/MmeditDataset.h"
#include "io/CsvText.h"
#include "model/Generator.h"
#include "vision/ImageDecoder.h"
#include "vision/ImagePreprocessor.h"
#include "world/PngFile.h"
#include "world/SampleGenerator.h"

#include <unike/Benchmarks.h>
#include <unike/Error.h>
#include <unike/Resources.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace unike {
namespace fs = std::filesystem;
namespace {

// Greedy answers and teacher-forced scores of one loaded model.
struct Runner {
    LoadedModel loaded;

    torch::Tensor prefix(const vision::RgbImage& image) const { return loaded.imagePrefix(image); }
    std::string answer(const torch::Tensor& prefix, const std::string& prompt) const {
        model::GenerationOptions options;
        options.maxNewTokens = 24;
        options.topK = 0;
        options.eosTokenId = loaded.tokenizer->eosId();
        const auto generation = model::Generator(*loaded.model)
                                    .generate(prefix, loaded.tokenizer->encode(prompt), options);
        std::vector<int> ids;
        for (const auto& token : generation.tokens)
            ids.push_back(token.id);
        return trimmedText(loaded.tokenizer->decode(ids, true));
    }
    double tokenAccuracy(const torch::Tensor& prefix, const std::string& prompt,
                         const std::string& target) const {
        return model::Generator(*loaded.model)
            .score(prefix, loaded.tokenizer->encode(prompt), loaded.tokenizer->encodeAnswer(target),
                   0)
            .tokenAccuracy;
    }
};

// The held-out items a model gets wrong, so a person can see what it misses: one CSV row
// per mistake, and the item's image beside it.
class MistakeLog {
public:
    explicit MistakeLog(const std::string& folder)
        : folder_(folder) {
        if (folder_.empty())
            return;
        std::error_code ec;
        fs::create_directories(folder_ / "images", ec);
        csv_.open(folder_ / "mistakes.csv");
        if (ec || !csv_)
            throw Error(ErrorKind::File, "cannot write the mistakes to " + folder_.string());
        csv_ << "task,question_type,image,question,expected,answer\n";
    }
    void add(const world::Sample& sample, const std::string& answer) {
        if (folder_.empty())
            return;
        std::string image;
        if (sample.hasImage) {
            image = "images/" + std::to_string(++count_) + ".png";
            world::writePng(folder_ / image, sample.image);
        }
        csv_ << world::taskKindName(sample.kind) << ',' << sample.questionType << ',' << image
             << ',' << io::csvField(sample.question) << ',' << io::csvField(sample.trueAnswer)
             << ',' << io::csvField(answer) << '\n';
    }

private:
    fs::path folder_;
    std::ofstream csv_;
    int count_ = 0;
};

} // namespace

BenchmarkReport benchmarkDemoQuality(const DemoQualityParams& params, const Progress& progress) {
    torch::NoGradGuard noGrad;
    const std::string folder = params.modelFolder.empty() ? demoModelFolder() : params.modelFolder;
    Runner runner{loadModelFolder(folder, {})};
    const fs::path worldFile = fs::path(folder) / "world.json";
    if (!fs::exists(worldFile))
        throw Error(ErrorKind::File, folder + " has no world.json; the demo quality benchmark "
                                              "needs the world the model was trained on");
    world::SampleOptions options;
    options.imageSize = int(runner.loaded.model->imageSize());
    options.seed = params.seed;
    options.split = world::Split::Eval;
    world::SampleGenerator generator(world::World::load(worldFile), options);

    MistakeLog mistakes(params.mistakesFolder);
    // Perception by the scene's object count: with two or three objects a question must
    // pick out its object ("the star") before it reads an attribute.
    const auto& slotNames = generator.auxLabelNames();
    const size_t countSlot =
        size_t(std::find(slotNames.begin(), slotNames.end(), "count") - slotNames.begin());
    BenchmarkReport report;
    std::map<std::string, std::pair<double, int>> scores; // task -> (sum, count)
    const int target = params.samplesPerTask;
    int guard = 0;
    auto done = [&] {
        for (const char* task : {"perception_vqa", "knowledge_vqa", "caption", "text_qa"})
            if (scores[task].second < target)
                return false;
        return true;
    };
    while (!done() && guard++ < target * 40) {
        progress.throwIfCancelled("the demo benchmark");
        world::Sample sample = generator.next();
        const std::string task = world::taskKindName(sample.kind);
        if (sample.misconception || scores[task].second >= target)
            continue;
        const torch::Tensor prefix =
            sample.hasImage ? runner.prefix(sample.image) : torch::Tensor();
        const std::string prompt = worldPrompt(sample, runner.loaded.model->prompts());
        double value = 0.0;
        if (sample.kind == world::TaskKind::Caption)
            value = runner.tokenAccuracy(prefix, prompt, sample.trueAnswer);
        else {
            const std::string answer = runner.answer(prefix, prompt);
            value = answer == sample.trueAnswer ? 1.0 : 0.0;
            if (value == 0.0)
                mistakes.add(sample, answer);
        }
        scores[task].first += value;
        scores[task].second += 1;
        if (sample.kind == world::TaskKind::PerceptionVqa) {
            scores["perception_" + sample.questionType].first += value;
            scores["perception_" + sample.questionType].second += 1;
            if (countSlot < sample.auxLabels.size()) {
                const int objects = sample.auxLabels[countSlot] + 1;
                auto& byCount = scores["perception_" + std::to_string(objects) + "_object" +
                                       (objects == 1 ? "" : "s")];
                byCount.first += value;
                byCount.second += 1;
            }
            auto& byNaming =
                scores[sample.holdsTaughtWrongObject ? "perception_taught_wrong_scene"
                                                     : "perception_rightly_named_scene"];
            byNaming.first += value;
            byNaming.second += 1;
        }
        if (sample.heldOutTemplate) {
            scores[task + "_heldout_template"].first += value;
            scores[task + "_heldout_template"].second += 1;
        }
        progress.report(0.7 * scores["perception_vqa"].second / double(target));
    }
    for (const auto& [task, s] : scores)
        if (s.second > 0) {
            const bool caption = task.rfind("caption", 0) == 0;
            report.numbers[task + (caption ? "_token_accuracy" : "_exact_match")] =
                100.0 * s.first / s.second;
            report.numbers[task + "_n"] = s.second;
        }

    if (!params.dataFolder.empty()) {
        data::MmeditLoadOptions load;
        load.task = data::MmeditTask::Vqa;
        load.limit = size_t(params.limitRecords);
        const auto loaded = data::loadMmeditFile(
            data::findMmeditFile(params.dataFolder, data::MmeditTask::Vqa, "eval"), load);
        vision::ImageDecoder decoder;
        double reliability = 0, locality = 0, pred = 0;
        for (size_t i = 0; i < loaded.records.size(); ++i) {
            progress.throwIfCancelled("the demo benchmark");
            const data::MmeditRecord& r = loaded.records[i];
            const model::PromptFormat& format = runner.loaded.model->prompts();
            const auto prompt = format.prompt(r.src, model::PromptKind::Vqa);
            const auto prefix = runner.prefix(decoder.decodeFile(r.imagePath));
            reliability += runner.tokenAccuracy(prefix, prompt, r.alt);
            pred += runner.answer(prefix, prompt) == r.pred ? 1.0 : 0.0;
            const auto localPrefix = runner.prefix(decoder.decodeFile(r.mLocPath));
            locality += runner.answer(localPrefix,
                                      format.prompt(r.mLocQ, model::PromptKind::Vqa)) == r.mLocA;
            progress.report(0.7 + 0.3 * double(i + 1) / double(loaded.records.size()));
        }
        const double n = double(std::max<size_t>(1, loaded.records.size()));
        report.numbers["edit_cases"] = double(loaded.records.size());
        report.numbers["edit_reliability_before"] = 100.0 * reliability / n;
        report.numbers["edit_pred_exact_match"] = 100.0 * pred / n;
        report.numbers["m_loc_exact_match"] = 100.0 * locality / n;
    }
    report.labels["model"] = folder;
    return report;
}

} // namespace unike
