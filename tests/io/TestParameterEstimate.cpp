// The parameter estimate that refuses absurd configs before a model is built: close to the
// published sizes of real checkpoints and to the shipped demo models' actual weights.
#include "io/CheckpointFiles.h"
#include "io/LlavaConfig.h"
#include "io/ModelConfig.h"
#include "io/ParameterEstimate.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace unike;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

double heldParameters(const std::string& folder) {
    const io::CheckpointFiles files = io::CheckpointFiles::open(folder);
    double held = 0;
    for (const io::SafetensorsFile& file : files.files())
        for (const io::TensorInfo& info : file.tensors())
            held += double(info.numel());
    return held;
}

void requireNear(double estimate, double actual, double tolerance) {
    QVERIFY2(
        std::abs(estimate - actual) <= tolerance * actual,
        qPrintable(
            QString("estimate %1, actual %2").arg(estimate, 0, 'g', 10).arg(actual, 0, 'g', 10)));
}

} // namespace

class TestParameterEstimate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Salesforce/blip2-opt-2.7b: 3.745 billion parameters, as its model card gives them.
    void blip2Opt27bMatchesItsPublishedSize() {
        io::Blip2Config config; // the vision and Q-Former defaults are blip2-opt-2.7b's
        config.text.vocabSize = 50272;
        config.text.hiddenSize = 2560;
        config.text.wordEmbedProjDim = 2560;
        config.text.numHiddenLayers = 32;
        config.text.numAttentionHeads = 32;
        config.text.ffnDim = 10240;
        requireNear(io::estimateParameters(config).total(), 3.745e9, 0.02);
    }

    // llava-hf/llava-1.5-7b-hf: 7.063 billion parameters.
    void llava15SevenBMatchesItsPublishedSize() {
        io::LlavaConfig config; // the vision default is CLIP ViT-L/14-336
        config.text.vocabSize = 32064;
        requireNear(io::estimateParameters(config).total(), 7.063e9, 0.01);
    }

    void theDemoModelsMatchTheirWeights() {
        const std::string demo = UNIKE_SOURCE_DIR "/resources/models/demo";
        const std::string llava = UNIKE_SOURCE_DIR "/resources/models/demo-llava";
        requireNear(
            io::estimateParameters(io::parseBlip2Config(readText(demo + "/config.json"), "demo"))
                .total(),
            heldParameters(demo), 0.05);
        requireNear(io::estimateParameters(
                        io::parseLlavaConfig(readText(llava + "/config.json"), "demo-llava"))
                        .total(),
                    heldParameters(llava), 0.05);
    }

    void theLargestPartNamesTheAbsurdField() {
        io::LlamaConfig config;
        config.numHiddenLayers = int64_t(1) << 31;
        const io::ParameterEstimate estimate = io::estimateParameters(config, "text_config.");
        QVERIFY(estimate.total() > 1e17);
        QVERIFY(QString::fromStdString(estimate.largest().field)
                    .startsWith("text_config.num_hidden_layers = 2147483648"));
        config.numHiddenLayers = 2;
        config.vocabSize = int64_t(1) << 40;
        QVERIFY(QString::fromStdString(io::estimateParameters(config).largest().field)
                    .startsWith("vocab_size = 1099511627776"));
    }
};

QTEST_GUILESS_MAIN(TestParameterEstimate)
#include "TestParameterEstimate.moc"
