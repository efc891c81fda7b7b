// config.json for BLIP-2 (OPT). The expected defaults below are written out as numbers, read
// from transformers' configuration_blip_2.py and configuration_opt.py, not taken from the structs.

#include "io/ModelConfig.h"

#include <unike/Error.h>

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace unike::io;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// A Salesforce/blip2-opt-2.7b style config.json, with the extra keys real files carry.
const char* kBlip2Opt27b = R"({
  "_name_or_path": "Salesforce/blip2-opt-2.7b",
  "architectures": ["Blip2ForConditionalGeneration"],
  "image_text_hidden_size": 256,
  "image_token_index": 50265,
  "initializer_factor": 1.0,
  "initializer_range": 0.02,
  "model_type": "blip-2",
  "num_query_tokens": 32,
  "qformer_config": {
    "attention_probs_dropout_prob": 0.1,
    "classifier_dropout": null,
    "cross_attention_frequency": 2,
    "encoder_hidden_size": 1408,
    "hidden_act": "gelu",
    "hidden_dropout_prob": 0.1,
    "hidden_size": 768,
    "initializer_range": 0.02,
    "intermediate_size": 3072,
    "layer_norm_eps": 1e-12,
    "max_position_embeddings": 512,
    "model_type": "blip_2_qformer",
    "num_attention_heads": 12,
    "num_hidden_layers": 12,
    "pad_token_id": 0,
    "position_embedding_type": "absolute",
    "vocab_size": 30522
  },
  "text_config": {
    "_name_or_path": "facebook/opt-2.7b",
    "_remove_final_layer_norm": false,
    "activation_dropout": 0.0,
    "activation_function": "relu",
    "architectures": ["OPTForCausalLM"],
    "attention_dropout": 0.0,
    "bos_token_id": 2,
    "do_layer_norm_before": true,
    "dropout": 0.1,
    "enable_bias": true,
    "eos_token_id": 50118,
    "ffn_dim": 10240,
    "hidden_size": 2560,
    "init_std": 0.02,
    "layer_norm_elementwise_affine": true,
    "layerdrop": 0.0,
    "max_position_embeddings": 2048,
    "model_type": "opt",
    "num_attention_heads": 32,
    "num_hidden_layers": 32,
    "pad_token_id": 1,
    "prefix": "</s>",
    "torch_dtype": "float16",
    "vocab_size": 50272,
    "word_embed_proj_dim": 2560
  },
  "torch_dtype": "float32",
  "transformers_version": "4.47.0.dev0",
  "use_decoder_only_language_model": true,
  "vision_config": {
    "attention_dropout": 0.0,
    "hidden_act": "gelu",
    "hidden_size": 1408,
    "image_size": 224,
    "initializer_range": 1e-10,
    "intermediate_size": 6144,
    "layer_norm_eps": 1e-06,
    "model_type": "blip_2_vision_model",
    "num_attention_heads": 16,
    "num_hidden_layers": 39,
    "patch_size": 14,
    "qkv_bias": true
  }
})";

template <typename F>
void expectError(F&& action, unike::ErrorKind kind, const QString& phrase) {
    try {
        action();
    } catch (const unike::Error& e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains(phrase), qPrintable("missing \"" + phrase + "\" in: " + message));
        QVERIFY2(message.contains("my/config.json") || message.contains("config"),
                 qPrintable(message));
        QVERIFY2(e.kind() == kind, qPrintable("wrong kind for: " + message));
        return;
    }
    QFAIL(qPrintable("expected an error containing " + phrase));
}

void compareAll(const Blip2Config& a, const Blip2Config& b) {
    QCOMPARE(a.vision.hiddenSize, b.vision.hiddenSize);
    QCOMPARE(a.vision.intermediateSize, b.vision.intermediateSize);
    QCOMPARE(a.vision.numHiddenLayers, b.vision.numHiddenLayers);
    QCOMPARE(a.vision.numAttentionHeads, b.vision.numAttentionHeads);
    QCOMPARE(a.vision.imageSize, b.vision.imageSize);
    QCOMPARE(a.vision.patchSize, b.vision.patchSize);
    QCOMPARE(qs(a.vision.hiddenAct), qs(b.vision.hiddenAct));
    QCOMPARE(a.vision.layerNormEps, b.vision.layerNormEps);
    QCOMPARE(a.vision.attentionDropout, b.vision.attentionDropout);
    QCOMPARE(a.vision.initializerRange, b.vision.initializerRange);
    QCOMPARE(a.vision.qkvBias, b.vision.qkvBias);

    QCOMPARE(a.qformer.vocabSize, b.qformer.vocabSize);
    QCOMPARE(a.qformer.hiddenSize, b.qformer.hiddenSize);
    QCOMPARE(a.qformer.numHiddenLayers, b.qformer.numHiddenLayers);
    QCOMPARE(a.qformer.numAttentionHeads, b.qformer.numAttentionHeads);
    QCOMPARE(a.qformer.intermediateSize, b.qformer.intermediateSize);
    QCOMPARE(qs(a.qformer.hiddenAct), qs(b.qformer.hiddenAct));
    QCOMPARE(a.qformer.hiddenDropoutProb, b.qformer.hiddenDropoutProb);
    QCOMPARE(a.qformer.attentionProbsDropoutProb, b.qformer.attentionProbsDropoutProb);
    QCOMPARE(a.qformer.maxPositionEmbeddings, b.qformer.maxPositionEmbeddings);
    QCOMPARE(a.qformer.initializerRange, b.qformer.initializerRange);
    QCOMPARE(a.qformer.layerNormEps, b.qformer.layerNormEps);
    QCOMPARE(a.qformer.padTokenId, b.qformer.padTokenId);
    QCOMPARE(qs(a.qformer.positionEmbeddingType), qs(b.qformer.positionEmbeddingType));
    QCOMPARE(a.qformer.crossAttentionFrequency, b.qformer.crossAttentionFrequency);
    QCOMPARE(a.qformer.encoderHiddenSize, b.qformer.encoderHiddenSize);
    QCOMPARE(a.qformer.useQformerTextInput, b.qformer.useQformerTextInput);

    QCOMPARE(a.text.vocabSize, b.text.vocabSize);
    QCOMPARE(a.text.hiddenSize, b.text.hiddenSize);
    QCOMPARE(a.text.numHiddenLayers, b.text.numHiddenLayers);
    QCOMPARE(a.text.ffnDim, b.text.ffnDim);
    QCOMPARE(a.text.numAttentionHeads, b.text.numAttentionHeads);
    QCOMPARE(a.text.maxPositionEmbeddings, b.text.maxPositionEmbeddings);
    QCOMPARE(a.text.doLayerNormBefore, b.text.doLayerNormBefore);
    QCOMPARE(a.text.removeFinalLayerNorm, b.text.removeFinalLayerNorm);
    QCOMPARE(a.text.wordEmbedProjDim, b.text.wordEmbedProjDim);
    QCOMPARE(a.text.dropout, b.text.dropout);
    QCOMPARE(a.text.attentionDropout, b.text.attentionDropout);
    QCOMPARE(a.text.layerdrop, b.text.layerdrop);
    QCOMPARE(qs(a.text.activationFunction), qs(b.text.activationFunction));
    QCOMPARE(a.text.initStd, b.text.initStd);
    QCOMPARE(a.text.enableBias, b.text.enableBias);
    QCOMPARE(a.text.layerNormElementwiseAffine, b.text.layerNormElementwiseAffine);
    QCOMPARE(a.text.padTokenId, b.text.padTokenId);
    QCOMPARE(a.text.bosTokenId, b.text.bosTokenId);
    QCOMPARE(a.text.eosTokenId, b.text.eosTokenId);
    QCOMPARE(a.text.tieWordEmbeddings, b.text.tieWordEmbeddings);

    QCOMPARE(a.numQueryTokens, b.numQueryTokens);
    QCOMPARE(a.imageTextHiddenSize, b.imageTextHiddenSize);
    QCOMPARE(a.imageTokenIndex.has_value(), b.imageTokenIndex.has_value());
    if (a.imageTokenIndex)
        QCOMPARE(*a.imageTokenIndex, *b.imageTokenIndex);
    QCOMPARE(a.useDecoderOnlyLanguageModel, b.useDecoderOnlyLanguageModel);
    QCOMPARE(a.initializerFactor, b.initializerFactor);
    QCOMPARE(a.initializerRange, b.initializerRange);
    QCOMPARE(a.torchDtype.has_value(), b.torchDtype.has_value());
    if (a.torchDtype)
        QCOMPARE(qs(*a.torchDtype), qs(*b.torchDtype));
}

// kBlip2Opt27b with one edit applied at a JSON pointer.
std::string edited(const std::string& pointer, const nlohmann::json& value) {
    auto j = nlohmann::json::parse(kBlip2Opt27b);
    j[nlohmann::json::json_pointer(pointer)] = value;
    return j.dump();
}

} // namespace

class TestModelConfig : public QObject {
    Q_OBJECT

private slots:
    void defaultsMatchTransformers() {
        const Blip2Config c = parseBlip2Config(R"({"model_type": "blip-2"})", "config.json");
        // Blip2VisionConfig
        QCOMPARE(c.vision.hiddenSize, int64_t(1408));
        QCOMPARE(c.vision.intermediateSize, int64_t(6144));
        QCOMPARE(c.vision.numHiddenLayers, int64_t(39));
        QCOMPARE(c.vision.numAttentionHeads, int64_t(16));
        QCOMPARE(c.vision.imageSize, int64_t(224));
        QCOMPARE(c.vision.patchSize, int64_t(14));
        QCOMPARE(qs(c.vision.hiddenAct), QString("gelu"));
        QCOMPARE(c.vision.layerNormEps, 1e-6);
        QCOMPARE(c.vision.attentionDropout, 0.0);
        QCOMPARE(c.vision.initializerRange, 1e-10);
        QCOMPARE(c.vision.qkvBias, true);
        QCOMPARE(c.vision.headDim(), int64_t(88));
        QCOMPARE(c.vision.numPatches(), int64_t(256));
        // Blip2QFormerConfig
        QCOMPARE(c.qformer.vocabSize, int64_t(30522));
        QCOMPARE(c.qformer.hiddenSize, int64_t(768));
        QCOMPARE(c.qformer.numHiddenLayers, int64_t(12));
        QCOMPARE(c.qformer.numAttentionHeads, int64_t(12));
        QCOMPARE(c.qformer.intermediateSize, int64_t(3072));
        QCOMPARE(qs(c.qformer.hiddenAct), QString("gelu"));
        QCOMPARE(c.qformer.hiddenDropoutProb, 0.1);
        QCOMPARE(c.qformer.attentionProbsDropoutProb, 0.1);
        QCOMPARE(c.qformer.maxPositionEmbeddings, int64_t(512));
        QCOMPARE(c.qformer.initializerRange, 0.02);
        QCOMPARE(c.qformer.layerNormEps, 1e-12);
        QCOMPARE(c.qformer.padTokenId, int64_t(0));
        QCOMPARE(qs(c.qformer.positionEmbeddingType), QString("absolute"));
        QCOMPARE(c.qformer.crossAttentionFrequency, int64_t(2));
        QCOMPARE(c.qformer.encoderHiddenSize, int64_t(1408));
        QCOMPARE(c.qformer.useQformerTextInput, false);
        QVERIFY(c.qformer.hasCrossAttention(0) && !c.qformer.hasCrossAttention(1));
        // OPTConfig
        QCOMPARE(c.text.vocabSize, int64_t(50272));
        QCOMPARE(c.text.hiddenSize, int64_t(768));
        QCOMPARE(c.text.numHiddenLayers, int64_t(12));
        QCOMPARE(c.text.ffnDim, int64_t(3072));
        QCOMPARE(c.text.numAttentionHeads, int64_t(12));
        QCOMPARE(c.text.maxPositionEmbeddings, int64_t(2048));
        QCOMPARE(c.text.doLayerNormBefore, true);
        QCOMPARE(c.text.removeFinalLayerNorm, false);
        QCOMPARE(c.text.wordEmbedProjDim, int64_t(768));
        QCOMPARE(c.text.dropout, 0.1);
        QCOMPARE(c.text.attentionDropout, 0.0);
        QCOMPARE(c.text.layerdrop, 0.0);
        QCOMPARE(qs(c.text.activationFunction), QString("relu"));
        QCOMPARE(c.text.initStd, 0.02);
        QCOMPARE(c.text.enableBias, true);
        QCOMPARE(c.text.layerNormElementwiseAffine, true);
        QCOMPARE(c.text.padTokenId, int64_t(1));
        QCOMPARE(c.text.bosTokenId, int64_t(2));
        QCOMPARE(c.text.eosTokenId, int64_t(2));
        QCOMPARE(c.text.tieWordEmbeddings, true);
        QVERIFY(!c.text.projectsEmbeddings());
        QVERIFY(c.text.hasFinalLayerNorm());
        // Blip2Config
        QCOMPARE(c.numQueryTokens, int64_t(32));
        QCOMPARE(c.imageTextHiddenSize, int64_t(256));
        QVERIFY(!c.imageTokenIndex.has_value());
        QCOMPARE(c.useDecoderOnlyLanguageModel, true);
        QCOMPARE(c.initializerFactor, 1.0);
        QCOMPARE(c.initializerRange, 0.02);
        QVERIFY(!c.torchDtype.has_value());
    }

    void partialSubconfigsKeepOtherDefaults() {
        const Blip2Config c = parseBlip2Config(R"({
            "model_type": "blip-2",
            "vision_config": {"hidden_size": 1024, "num_attention_heads": 16},
            "qformer_config": {"encoder_hidden_size": 1408, "num_hidden_layers": null},
            "text_config": {"hidden_size": 2560, "num_attention_heads": 32,
                            "do_layer_norm_before": false, "word_embed_proj_dim": null}
        })",
                                               "config.json");
        QCOMPARE(c.vision.hiddenSize, int64_t(1024));
        QCOMPARE(c.vision.numHiddenLayers, int64_t(39));
        // Blip2Config overwrites the Q-Former's encoder size with the vision hidden size.
        QCOMPARE(c.qformer.encoderHiddenSize, int64_t(1024));
        QCOMPARE(c.qformer.numHiddenLayers, int64_t(12)); // null keeps the default
        // word_embed_proj_dim falls back to the hidden size, not to 768.
        QCOMPARE(c.text.wordEmbedProjDim, int64_t(2560));
        QCOMPARE(c.text.ffnDim, int64_t(3072));
        QVERIFY(!c.text.hasFinalLayerNorm());

        // Older OPT configs name the hidden size d_model.
        const Blip2Config old = parseBlip2Config(
            R"({"model_type": "blip-2", "text_config": {"d_model": 1024, "num_attention_heads": 16}})",
            "config.json");
        QCOMPARE(old.text.hiddenSize, int64_t(1024));
        QCOMPARE(old.text.wordEmbedProjDim, int64_t(1024));
        // OPT-350m style projection, image_token_id alias, [n, n] image size, "dtype" key.
        const Blip2Config other = parseBlip2Config(R"({"model_type": "blip-2",
            "image_token_id": 7, "dtype": "bfloat16",
            "vision_config": {"image_size": [32, 32], "patch_size": 8},
            "text_config": {"hidden_size": 1024, "num_attention_heads": 16,
                            "word_embed_proj_dim": 512, "model_type": "opt"}})",
                                                   "config.json");
        QVERIFY(other.text.projectsEmbeddings());
        QCOMPARE(*other.imageTokenIndex, int64_t(7));
        QCOMPARE(qs(*other.torchDtype), QString("bfloat16"));
        QCOMPARE(other.vision.imageSize, int64_t(32));
        QCOMPARE(other.vision.numPatches(), int64_t(16));
    }

    void parsesBlip2Opt27b() {
        const Blip2Config c = parseBlip2Config(kBlip2Opt27b, "config.json");
        QCOMPARE(c.vision.hiddenSize, int64_t(1408));
        QCOMPARE(c.vision.numHiddenLayers, int64_t(39));
        QCOMPARE(c.vision.layerNormEps, 1e-6);
        QCOMPARE(c.qformer.hiddenSize, int64_t(768));
        QCOMPARE(c.qformer.layerNormEps, 1e-12);
        QCOMPARE(c.text.hiddenSize, int64_t(2560));
        QCOMPARE(c.text.numHiddenLayers, int64_t(32));
        QCOMPARE(c.text.ffnDim, int64_t(10240));
        QCOMPARE(c.text.numAttentionHeads, int64_t(32));
        QCOMPARE(c.text.headDim(), int64_t(80));
        QCOMPARE(c.text.wordEmbedProjDim, int64_t(2560));
        QCOMPARE(c.text.vocabSize, int64_t(50272));
        QCOMPARE(c.text.eosTokenId, int64_t(50118));
        QCOMPARE(*c.imageTokenIndex, int64_t(50265));
        QCOMPARE(qs(*c.torchDtype), QString("float32"));
        QCOMPARE(c.numQueryTokens, int64_t(32));
    }

    void loadsFromAFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("config.json").toStdString();
        std::ofstream(path) << kBlip2Opt27b;
        QCOMPARE(loadBlip2Config(path).text.hiddenSize, int64_t(2560));
        const std::string missing = dir.filePath("nope/config.json").toStdString();
        try {
            loadBlip2Config(missing);
            QFAIL("expected an error");
        } catch (const unike::Error& e) {
            QCOMPARE(e.kind(), unike::ErrorKind::File);
            QVERIFY(QString(e.what()).contains(qs(missing)));
        }
        // Errors in a loaded file name that file.
        std::ofstream(path) << R"({"model_type": "llava"})";
        try {
            loadBlip2Config(path);
            QFAIL("expected an error");
        } catch (const unike::Error& e) {
            QVERIFY2(QString(e.what()).contains(qs(path)), e.what());
        }
    }

    void toJsonRoundTrips() {
        Blip2Config c = parseBlip2Config(kBlip2Opt27b, "config.json");
        // Move every field away from its default so a dropped field shows.
        c.vision.hiddenSize = 64;
        c.vision.intermediateSize = 96;
        c.vision.numHiddenLayers = 3;
        c.vision.numAttentionHeads = 4;
        c.vision.imageSize = 32;
        c.vision.patchSize = 8;
        c.vision.hiddenAct = "gelu_new";
        c.vision.layerNormEps = 1.5e-5;
        c.vision.attentionDropout = 0.25;
        c.vision.initializerRange = 0.125;
        c.vision.qkvBias = false;
        c.qformer.vocabSize = 99;
        c.qformer.hiddenSize = 48;
        c.qformer.numHiddenLayers = 5;
        c.qformer.numAttentionHeads = 6;
        c.qformer.intermediateSize = 80;
        c.qformer.hiddenAct = "relu";
        c.qformer.hiddenDropoutProb = 0.3;
        c.qformer.attentionProbsDropoutProb = 0.4;
        c.qformer.maxPositionEmbeddings = 77;
        c.qformer.initializerRange = 0.5;
        c.qformer.layerNormEps = 3e-9;
        c.qformer.padTokenId = 4;
        c.qformer.crossAttentionFrequency = 3;
        c.qformer.encoderHiddenSize = 64;
        c.qformer.useQformerTextInput = true;
        c.text.vocabSize = 300;
        c.text.hiddenSize = 40;
        c.text.numHiddenLayers = 2;
        c.text.ffnDim = 70;
        c.text.numAttentionHeads = 5;
        c.text.maxPositionEmbeddings = 130;
        c.text.doLayerNormBefore = false;
        c.text.removeFinalLayerNorm = true;
        c.text.wordEmbedProjDim = 24;
        c.text.dropout = 0.05;
        c.text.attentionDropout = 0.07;
        c.text.layerdrop = 0.01;
        c.text.activationFunction = "silu";
        c.text.initStd = 0.03;
        c.text.enableBias = false;
        c.text.layerNormElementwiseAffine = false;
        c.text.padTokenId = 11;
        c.text.bosTokenId = 12;
        c.text.eosTokenId = 13;
        c.text.tieWordEmbeddings = false;
        c.numQueryTokens = 8;
        c.imageTextHiddenSize = 17;
        c.imageTokenIndex = 299;
        c.initializerFactor = 2.0;
        c.initializerRange = 0.2;
        c.torchDtype = "float16";

        const std::string text = toJson(c);
        const Blip2Config back = parseBlip2Config(text, "round trip");
        compareAll(back, c);

        const auto j = nlohmann::json::parse(text);
        QCOMPARE(qs(j["model_type"]), QString("blip-2"));
        QVERIFY(j["architectures"] == nlohmann::json::array({"Blip2ForConditionalGeneration"}));
        QCOMPARE(qs(j["vision_config"]["model_type"]), QString("blip_2_vision_model"));
        QCOMPARE(qs(j["qformer_config"]["model_type"]), QString("blip_2_qformer"));
        QCOMPARE(qs(j["text_config"]["model_type"]), QString("opt"));
        QCOMPARE(j["image_token_index"].get<int64_t>(), int64_t(299));

        // Without optional fields they stay absent.
        Blip2Config plain = parseBlip2Config(R"({"model_type": "blip-2"})", "config.json");
        const auto p = nlohmann::json::parse(toJson(plain));
        QVERIFY(!p.contains("image_token_index"));
        compareAll(parseBlip2Config(toJson(plain), "again"), plain);
    }

    void rejectsInvalidConfigs_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("phrase");
        using K = unike::ErrorKind;
        auto row = [](const char* name, const std::string& text, K kind, const char* phrase) {
            QTest::newRow(name) << qs(text) << int(kind) << QString(phrase);
        };
        row("not json", "{\"model_type\": ", K::File, "is not valid JSON");
        row("array", "[1, 2]", K::File, "is not a JSON object");
        row("no model_type", "{}", K::Unsupported, "has no \"model_type\"");
        row("llava", R"({"model_type": "llava"})", K::Unsupported,
            "supports only BLIP-2 with an OPT language model");
        row("instructblip", R"({"model_type": "instructblip"})", K::Unsupported,
            "describes a \"instructblip\" model");
        row("t5 text model", edited("/text_config/model_type", "t5"), K::Unsupported,
            "the language model is \"t5\"");
        row("vision heads", edited("/vision_config/hidden_size", 1400), K::Model,
            "vision_config.hidden_size 1400 is not divisible by num_attention_heads 16");
        row("qformer heads", edited("/qformer_config/num_attention_heads", 10), K::Model,
            "qformer_config.hidden_size 768 is not divisible by num_attention_heads 10");
        row("text heads", edited("/text_config/num_attention_heads", 30), K::Model,
            "text_config.hidden_size 2560 is not divisible by num_attention_heads 30");
        row("zero layers", edited("/qformer_config/num_hidden_layers", 0), K::Model,
            "qformer_config.num_hidden_layers must be positive, but it is 0");
        row("negative ffn", edited("/text_config/ffn_dim", -5), K::Model,
            "text_config.ffn_dim must be positive");
        row("zero heads", edited("/vision_config/num_attention_heads", 0), K::Model,
            "vision_config.num_attention_heads must be positive");
        row("zero cross frequency", edited("/qformer_config/cross_attention_frequency", 0),
            K::Model, "cross_attention_frequency must be positive");
        row("zero eps", edited("/vision_config/layer_norm_eps", 0.0), K::Model,
            "vision_config.layer_norm_eps must be positive");
        row("zero query tokens", edited("/num_query_tokens", 0), K::Model,
            "num_query_tokens must be positive");
        row("patch larger than image", edited("/vision_config/patch_size", 448), K::Model,
            "larger than image_size");
        row("vision activation", edited("/vision_config/hidden_act", "swish2"), K::Unsupported,
            "vision_config.hidden_act \"swish2\" is an unsupported activation");
        row("text activation", edited("/text_config/activation_function", "tanh"), K::Unsupported,
            "text_config.activation_function \"tanh\" is an unsupported");
        row("relative positions", edited("/qformer_config/position_embedding_type", "relative_key"),
            K::Unsupported, "position_embedding_type \"relative_key\" is not supported");
        row("string size", edited("/text_config/hidden_size", "2560"), K::File,
            "text_config.hidden_size must be an integer, not \"2560\"");
        row("float size", edited("/vision_config/num_hidden_layers", 39.5), K::File,
            "vision_config.num_hidden_layers must be an integer");
        row("bool as string", edited("/vision_config/qkv_bias", "yes"), K::File,
            "vision_config.qkv_bias must be true or false");
        row("eps as string", edited("/qformer_config/layer_norm_eps", "1e-12"), K::File,
            "qformer_config.layer_norm_eps must be a number");
        row("sub-config not object", edited("/vision_config", 3), K::File,
            "vision_config must be a JSON object");
        row("image token outside vocab", edited("/image_token_index", 50272), K::Model,
            "outside the language model's vocabulary");
        row("non-square image", edited("/vision_config/image_size", nlohmann::json{224, 112}),
            K::Unsupported, "only square sizes");
    }

    void rejectsInvalidConfigs() {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, phrase);
        expectError([&] { parseBlip2Config(text.toStdString(), "my/config.json"); },
                    unike::ErrorKind(kind), phrase);
        try {
            parseBlip2Config(text.toStdString(), "my/config.json");
        } catch (const unike::Error& e) {
            QVERIFY2(QString(e.what()).startsWith("my/config.json"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestModelConfig)
#include "TestModelConfig.moc"
