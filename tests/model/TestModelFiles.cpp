// Loading and saving Hugging Face-format BLIP-2 folders, and refusing broken ones.
#include "TinyConfig.h"
#include "io/CheckpointFiles.h"
#include "io/CheckpointWriter.h"
#include "io/ParameterEstimate.h"
#include "model/blip2/Blip2Files.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace unike;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<model::Blip2Model> tinyModel() {
    auto config = test::tinyConfig(true);
    config.initializerRange = 0.2;
    return model::Blip2Model::createRandom(config, 21);
}

torch::Tensor logitsOf(const model::Blip2Model& m) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(2);
    model::ForwardInput input;
    input.pixelValues = torch::randn({1, 3, 16, 16});
    input.inputIds = torch::tensor({2, 5, 6, 7}, torch::kLong).view({1, 4});
    return m.forward(input).logits;
}

// Every tensor of a saved folder, to tamper with and write back.
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

void rewrite(const std::string& folder, std::vector<io::TensorData> tensors) {
    fs::remove(fs::path(folder) / "model.safetensors");
    io::writeCheckpoint(folder, std::move(tensors), 1);
}

QString loadError(const std::string& folder) {
    try {
        model::loadBlip2(folder, {});
    } catch (const unike::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestModelFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripFloat32IsExact() {
        QTemporaryDir dir;
        auto m = tinyModel();
        model::saveBlip2(*m, dir.path().toStdString());
        QVERIFY(fs::exists(fs::path(dir.path().toStdString()) / "config.json"));
        auto loaded = model::loadBlip2(dir.path().toStdString(), {});
        QVERIFY(torch::equal(logitsOf(*m), logitsOf(*loaded)));
        QCOMPARE(loaded->parameters().parameterCount(), m->parameters().parameterCount());
    }

    void roundTripShardedAndHalfPrecision() {
        auto m = tinyModel();
        QTemporaryDir sharded;
        model::saveBlip2(*m, sharded.path().toStdString(), io::DType::F32, 3);
        QVERIFY(
            fs::exists(fs::path(sharded.path().toStdString()) / "model.safetensors.index.json"));
        QVERIFY(torch::equal(logitsOf(*m),
                             logitsOf(*model::loadBlip2(sharded.path().toStdString(), {}))));
        for (auto dtype : {io::DType::BF16, io::DType::F16}) {
            QTemporaryDir half;
            model::saveBlip2(*m, half.path().toStdString(), dtype);
            auto loaded = model::loadBlip2(half.path().toStdString(), {});
            QCOMPARE(loaded->dtype(), torch::kFloat32); // converted to the compute dtype
            auto a = torch::softmax(logitsOf(*m), -1);
            auto b = torch::softmax(logitsOf(*loaded), -1);
            QVERIFY((a - b).abs().max().item<double>() < 0.05);
        }
    }

    void acceptsTiedHeadAndLavisBiases() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        auto m = tinyModel();
        model::saveBlip2(*m, folder);
        auto tensors = readAll(folder);
        std::vector<io::TensorData> changed;
        for (auto& t : tensors) {
            if (t.name == "language_model.model.decoder.embed_tokens.weight") {
                io::TensorData head = t;
                head.name = "language_model.lm_head.weight";
                changed.push_back(head);
            }
            if (t.name == "vision_model.encoder.layers.0.self_attn.qkv.bias") {
                // Split [q | k | v] into LAVIS's q_bias and v_bias (k is zero in HF too).
                const size_t third = t.bytes.size() / 3;
                io::TensorData q{"vision_model.encoder.layers.0.self_attn.q_bias",
                                 t.dtype,
                                 {t.shape[0] / 3},
                                 {t.bytes.begin(), t.bytes.begin() + third}};
                io::TensorData v{"vision_model.encoder.layers.0.self_attn.v_bias",
                                 t.dtype,
                                 {t.shape[0] / 3},
                                 {t.bytes.end() - third, t.bytes.end()}};
                changed.push_back(q);
                changed.push_back(v);
                continue;
            }
            changed.push_back(t);
        }
        // Zero the key part first so the fused result is exactly the original.
        {
            torch::NoGradGuard noGrad;
            auto bias = m->parameters().get("vision_model.encoder.layers.0.self_attn.qkv.bias");
            QVERIFY(bias.narrow(0, 32, 32).abs().sum().item<double>() == 0.0);
        }
        rewrite(folder, changed);
        auto loaded = model::loadBlip2(folder, {});
        QVERIFY(torch::equal(logitsOf(*m), logitsOf(*loaded)));
    }

    void refusesBrokenCheckpoints() {
        auto m = tinyModel();
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        model::saveBlip2(*m, folder);
        const auto original = readAll(folder);

        auto missing = original;
        missing.erase(std::find_if(missing.begin(), missing.end(), [](const auto& t) {
            return t.name == "language_projection.bias";
        }));
        rewrite(folder, missing);
        QVERIFY2(loadError(folder).contains("has no tensor 'language_projection.bias'"),
                 qPrintable(loadError(folder)));

        auto extra = original;
        extra.push_back({"something.else", io::DType::F32, {1}, std::vector<uint8_t>(4, 0)});
        rewrite(folder, extra);
        QVERIFY2(loadError(folder).contains("something.else"), qPrintable(loadError(folder)));

        auto misshaped = original;
        for (auto& t : misshaped)
            if (t.name == "language_projection.bias") {
                t.shape = {2, t.shape[0] / 2};
            }
        rewrite(folder, misshaped);
        QVERIFY2(loadError(folder).contains("has shape (2, 8)"), qPrintable(loadError(folder)));

        rewrite(folder, original);
        const fs::path weights = fs::path(folder) / "model.safetensors";
        fs::resize_file(weights, fs::file_size(weights) - 100);
        QVERIFY(!loadError(folder).isEmpty()); // truncated

        fs::remove(fs::path(folder) / "config.json");
        QVERIFY(loadError(folder).contains("has no config.json"));
        QVERIFY(loadError(folder + "/nope").contains("does not exist"));
    }

    // Sizes the checkpoint cannot fill are refused while they are numbers: building 2^31
    // Q-Former layers first (as the loader did) grew past 6 GB without a word.
    void refusesAbsurdSizesBeforeBuildingTheModel() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        auto m = tinyModel();
        model::saveBlip2(*m, folder);
        const double estimate = io::estimateParameters(test::tinyConfig(true)).total();
        const double actual = double(m->parameters().parameterCount());
        QVERIFY2(estimate > 0.8 * actual && estimate < 1.25 * actual,
                 qPrintable(QString("estimate %1, actual %2").arg(estimate).arg(actual)));

        std::ifstream in(fs::path(folder) / "config.json");
        std::stringstream text;
        text << in.rdbuf();
        const nlohmann::json original = nlohmann::json::parse(text.str());
        const std::pair<const char*, const char*> absurd[] = {
            {"qformer_config", "num_hidden_layers"},
            {"vision_config", "num_hidden_layers"},
            {"text_config", "vocab_size"},
            {"text_config", "max_position_embeddings"},
            {"text_config", "ffn_dim"},
        };
        for (const auto& [section, field] : absurd) {
            nlohmann::json config = original;
            config[section][field] = int64_t(1) << 31;
            std::ofstream(fs::path(folder) / "config.json") << config.dump(2);
            const QString error = loadError(folder);
            QVERIFY2(error.contains("but its checkpoint holds"), qPrintable(error));
            // The message names the section, the field and its value.
            QVERIFY2(error.contains(QString("%1.").arg(section)) && error.contains(field) &&
                         error.contains(QString::number(qint64(1) << 31)),
                     qPrintable(error));
        }
        std::ofstream(fs::path(folder) / "config.json") << original.dump(2);
        QVERIFY(loadError(folder).isEmpty());
    }

    void cancelledLoadThrows() {
        QTemporaryDir dir;
        model::saveBlip2(*tinyModel(), dir.path().toStdString());
        Progress progress;
        progress.cancel();
        try {
            model::loadBlip2(dir.path().toStdString(), {}, progress);
            QFAIL("expected cancellation");
        } catch (const unike::Error& e) {
            QVERIFY(e.isCancellation());
        }
    }
};

QTEST_GUILESS_MAIN(TestModelFiles)
#include "TestModelFiles.moc"
