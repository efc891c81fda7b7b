// LLaVA and LLaMA configs and folders: transformers' defaults, saving and loading through the
// registry in both checkpoint layouts, and refusing what the engine cannot run, by name.
#include "TinyLlava.h"
#include "io/CheckpointFiles.h"
#include "io/CheckpointWriter.h"
#include "model/ModelFamilies.h"
#include "model/RandomShapes.h"
#include "model/llama/LlamaTextModel.h"
#include "model/llava/LlavaFiles.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace unike;
namespace fs = std::filesystem;

namespace {

torch::Tensor llavaLogits(const model::MultimodalModel& m) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(2);
    model::ForwardInput input;
    input.pixelValues = torch::randn({1, 3, 16, 16});
    input.inputIds = torch::tensor({1, 5, 60, 7}, torch::kLong).view({1, 4});
    return m.forward(input).logits;
}

torch::Tensor textLogits(const model::MultimodalModel& m) {
    torch::NoGradGuard noGrad;
    model::ForwardInput input;
    input.inputIds = torch::tensor({1, 5, 6, 7}, torch::kLong).view({1, 4});
    return m.forward(input).logits;
}

std::vector<io::TensorData> readAll(const std::string& folder) {
    auto files = io::CheckpointFiles::open(folder);
    std::vector<io::TensorData> out;
    for (const auto& name : files.names()) {
        auto ref = files.find(name);
        io::TensorData data;
        data.name = name;
        data.dtype = ref.info->dtype;
        data.shape = ref.info->shape;
        data.bytes.assign(ref.data(), ref.data() + ref.info->byteSize);
        out.push_back(std::move(data));
    }
    return out;
}

void rewrite(const std::string& folder, std::vector<io::TensorData> tensors, int shards = 1) {
    io::writeCheckpoint(folder, std::move(tensors), shards);
}

void writeConfig(const std::string& folder, const std::string& text) {
    fs::create_directories(folder);
    std::ofstream(fs::path(folder) / "config.json") << text;
}

// The error a load (through the registry) throws, as "kind: message"; empty when none.
QString loadError(const std::string& folder) {
    try {
        model::loadModel(folder, {});
    } catch (const unike::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

template <typename F>
std::pair<ErrorKind, QString> errorOf(F&& f) {
    try {
        f();
    } catch (const unike::Error& e) {
        return {e.kind(), QString::fromStdString(e.what())};
    }
    return {ErrorKind::Internal, QString()};
}

std::string llavaConfigWith(const std::string& extraText, const std::string& extraRoot = "") {
    return R"({"model_type": "llava", )" + extraRoot +
           R"("vision_config": {"hidden_size": 16, "intermediate_size": 32, "num_hidden_layers": 2,
            "num_attention_heads": 2, "image_size": 16, "patch_size": 8},
            "text_config": {"vocab_size": 64, "hidden_size": 32, "intermediate_size": 48,
            "num_hidden_layers": 2, "num_attention_heads": 4)" +
           extraText + "}}";
}

} // namespace

class TestLlavaFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void configDefaultsAreTransformers() {
        auto c = io::parseLlavaConfig(R"({"model_type": "llava"})", "config.json");
        QCOMPARE(c.vision.hiddenSize, int64_t(1024)); // LlavaConfig's own vision default
        QCOMPARE(c.vision.imageSize, int64_t(336));
        QCOMPARE(c.vision.patchSize, int64_t(14));
        QCOMPARE(c.vision.hiddenAct, std::string("quick_gelu"));
        QCOMPARE(c.vision.layerNormEps, 1e-5);
        QCOMPARE(c.text.hiddenSize, int64_t(4096));
        QCOMPARE(c.text.numKeyValueHeads, int64_t(32));
        QCOMPARE(c.text.headDim, int64_t(128));
        QCOMPARE(c.text.rmsNormEps, 1e-6);
        QCOMPARE(c.text.ropeTheta, 10000.0);
        QVERIFY(!c.text.ropeScaling.linear());
        QCOMPARE(c.imageTokenIndex, int64_t(32000));
        QCOMPARE(c.visionFeatureLayers, std::vector<int64_t>{-2});
        QCOMPARE(c.featureLayerIndices(), std::vector<int64_t>{23});
        QCOMPARE(c.visualTokenCount(), int64_t(576));
        QVERIFY(!c.tiesEmbeddings());

        // A vision_config object starts from CLIPVisionConfig's defaults instead.
        auto clip = io::parseLlavaConfig(R"({"model_type": "llava", "vision_config": {}})", "x");
        QCOMPARE(clip.vision.hiddenSize, int64_t(768));
        QCOMPARE(clip.vision.patchSize, int64_t(32));

        auto kv = io::parseLlamaConfig(
            R"({"model_type": "llama", "num_attention_heads": 8, "hidden_size": 64,
                "num_key_value_heads": 2, "eos_token_id": [7, 8],
                "rope_scaling": {"rope_type": "linear", "factor": 4.0}})",
            "config.json");
        QCOMPARE(kv.headDim, int64_t(8));
        QCOMPARE(kv.kvGroups(), int64_t(4));
        QCOMPARE(kv.eosTokenId, int64_t(7));
        QVERIFY(kv.ropeScaling.linear());
        QCOMPARE(kv.ropeScaling.factor, 4.0);
    }

    void configJsonRoundTrips() {
        auto c = test::tinyLlavaConfig();
        c.visionFeatureLayers = {-3, -1};
        c.visionFeatureLayerIsList = true;
        c.visionFeatureSelectStrategy = "full";
        c.text.tieWordEmbeddings = true;
        auto back = io::parseLlavaConfig(io::toJson(c), "round trip");
        QCOMPARE(back.visionFeatureLayers, c.visionFeatureLayers);
        QCOMPARE(back.visionFeatureSelectStrategy, std::string("full"));
        QCOMPARE(back.text.numKeyValueHeads, int64_t(2));
        QCOMPARE(back.text.ropeScaling.factor, 2.0);
        QVERIFY(back.tiesEmbeddings());
        QCOMPARE(back.imageTokenIndex, int64_t(60));
        auto llama = io::parseLlamaConfig(io::toJson(test::tinyLlamaConfig()), "round trip");
        QCOMPARE(llama.headDim, int64_t(8));
        QVERIFY(llama.ropeScaling.linear());
    }

    void roundTripThroughTheRegistryIsExact() {
        auto llava = model::LlavaModel::createRandom(test::tinyLlavaConfig(), 3);
        QTemporaryDir dir;
        model::saveModel(*llava, dir.path().toStdString());
        auto loaded = model::loadModel(dir.path().toStdString(), {});
        QCOMPARE(loaded->family(), std::string("llava"));
        QVERIFY(torch::equal(llavaLogits(*llava), llavaLogits(*loaded)));

        auto llama = model::LlamaTextModel::createRandom(test::tinyLlamaConfig(), 4);
        QTemporaryDir textDir;
        model::saveModel(*llama, textDir.path().toStdString(), io::DType::F32, 2);
        auto loadedText = model::loadModel(textDir.path().toStdString(), {});
        QCOMPARE(loadedText->family(), std::string("llama"));
        QVERIFY(!loadedText->hasVision());
        QVERIFY(torch::equal(textLogits(*llama), textLogits(*loadedText)));
        QVERIFY(loadedText->parameters().contains("lm_head.weight"));
    }

    void newerLayoutAndTiedHeadLoad() {
        auto config = test::tinyLlavaConfig();
        config.text.tieWordEmbeddings = true;
        auto m = model::LlavaModel::createRandom(config, 3);
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        model::saveModel(*m, folder);
        auto tensors = readAll(folder);
        std::vector<io::TensorData> renamed;
        for (auto& t : tensors) {
            if (t.name == "language_model.model.embed_tokens.weight") {
                io::TensorData head = t; // a converted checkpoint that kept the tied head
                head.name = "lm_head.weight";
                renamed.push_back(head);
            }
            t.name = model::newerLlavaName(t.name);
            QVERIFY(!t.name.empty());
            renamed.push_back(t);
        }
        fs::remove(fs::path(folder) / "model.safetensors");
        rewrite(folder, renamed, 3);
        QVERIFY(torch::equal(llavaLogits(*m), llavaLogits(*model::loadModel(folder, {}))));
    }

    void refusesMissingAndUnexpectedTensorsByName() {
        auto m = model::LlavaModel::createRandom(test::tinyLlavaConfig(), 3);
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        model::saveModel(*m, folder);
        const auto original = readAll(folder);
        const std::string gone = "language_model.model.layers.1.mlp.up_proj.weight";
        auto missing = original;
        missing.erase(std::find_if(missing.begin(), missing.end(),
                                   [&](const auto& t) { return t.name == gone; }));
        rewrite(folder, missing);
        QVERIFY2(loadError(folder).contains(QString::fromStdString("has no tensor '" + gone)),
                 qPrintable(loadError(folder)));

        auto extra = original;
        extra.push_back({"language_model.model.layers.9.mlp.up_proj.weight",
                         io::DType::F32,
                         {1},
                         std::vector<uint8_t>(4, 0)});
        rewrite(folder, extra);
        QVERIFY2(loadError(folder).contains("layers.9.mlp.up_proj.weight"),
                 qPrintable(loadError(folder)));

        // The untied head is required; without it the load names it.
        auto noHead = original;
        noHead.erase(std::find_if(noHead.begin(), noHead.end(), [](const auto& t) {
            return t.name == "language_model.lm_head.weight";
        }));
        rewrite(folder, noHead);
        QVERIFY2(loadError(folder).contains("language_model.lm_head.weight"),
                 qPrintable(loadError(folder)));
    }

    void refusesUnsupportedConfigs() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        auto check = [&](const std::string& config, ErrorKind kind, const char* needle) {
            writeConfig(folder, config);
            auto [k, message] = errorOf([&] { model::loadModel(folder, {}); });
            QVERIFY2(k == kind && message.contains(needle), qPrintable(message));
        };
        check(llavaConfigWith(R"(, "rope_scaling": {"type": "dynamic", "factor": 2.0})"),
              ErrorKind::Unsupported, "\"dynamic\" RoPE scaling");
        check(llavaConfigWith(R"(, "rope_scaling": {"rope_type": "yarn", "factor": 2.0})"),
              ErrorKind::Unsupported, "yarn");
        check(llavaConfigWith(R"(, "num_key_value_heads": 3)"), ErrorKind::Model,
              "num_attention_heads 4 is not divisible by num_key_value_heads 3");
        check(llavaConfigWith(R"(, "model_type": "mistral")"), ErrorKind::Unsupported,
              "text_config.model_type is \"mistral\"");
        check(llavaConfigWith("", R"("vision_feature_layer": -4, )"), ErrorKind::Model,
              "vision_feature_layer -4");
        check(llavaConfigWith("", R"("vision_feature_select_strategy": "cls", )"),
              ErrorKind::Unsupported, "\"cls\"");
        check(llavaConfigWith(R"(, "hidden_act": "swish")"), ErrorKind::Unsupported, "swish");
        check(R"({"model_type": "llama", "hidden_size": 30, "num_attention_heads": 4})",
              ErrorKind::Model, "hidden_size 30");
        // A model type no family registers: the message lists the ones that exist.
        writeConfig(folder, R"({"model_type": "qwen2_vl"})");
        auto [kind, message] = errorOf([&] { model::loadModel(folder, {}); });
        QCOMPARE(kind, ErrorKind::Unsupported);
        QVERIFY2(message.contains("qwen2_vl") && message.contains("\"blip-2\"") &&
                     message.contains("\"llava\"") && message.contains("\"llama\""),
                 qPrintable(message));
    }

    void refusesImageTokensItCannotPlace() {
        torch::NoGradGuard noGrad;
        auto m = model::LlavaModel::createRandom(test::tinyLlavaConfig(), 3);
        model::ForwardInput input;
        input.pixelValues = torch::zeros({1, 3, 16, 16});
        input.inputIds = torch::tensor({1, 60, 60, 60, 5}, torch::kLong).view({1, 5});
        auto [kind, message] = errorOf([&] { m->forward(input); });
        QCOMPARE(kind, ErrorKind::InvalidInput);
        QVERIFY2(message.contains("holds 3 copies") && message.contains("either 4"),
                 qPrintable(message));

        input.pixelValues = torch::Tensor();
        input.inputIds = torch::tensor({1, 60, 5}, torch::kLong).view({1, 3});
        std::tie(kind, message) = errorOf([&] { m->forward(input); });
        QCOMPARE(kind, ErrorKind::InvalidInput);
        QVERIFY2(message.contains("no image was given"), qPrintable(message));

        input.pixelValues = torch::zeros({1, 3, 32, 32});
        std::tie(kind, message) = errorOf([&] { m->forward(input); });
        QVERIFY2(kind == ErrorKind::InvalidInput && message.contains("16 px"), qPrintable(message));

        auto llama = model::LlamaTextModel::createRandom(test::tinyLlamaConfig(), 1);
        std::tie(kind, message) = errorOf([&] { llama->imagePrefix(torch::zeros({1, 3, 8, 8})); });
        QVERIFY2(kind == ErrorKind::Unsupported && message.contains("no vision tower"),
                 qPrintable(message));
    }

    void randomShapesAreRegistered() {
        const auto& tiny = model::randomShape("llava-tiny");
        QVERIFY(tiny.vocabSize >= 1024); // the demo tokenizer's ids fit
        auto m = tiny.create(1);
        QCOMPARE(m->family(), std::string("llava"));
        QCOMPARE(m->visualTokenCount(), int64_t(16));
        QCOMPARE(model::randomShape("llava-1.5-7b").vocabSize, int64_t(32064));
    }
};

QTEST_GUILESS_MAIN(TestLlavaFiles)
#include "TestLlavaFiles.moc"
