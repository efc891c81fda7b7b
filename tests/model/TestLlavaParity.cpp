// LLaVA (CLIP + LLaMA) and bare LLaMA against an independent float64 PyTorch reference
// (make_llava_reference.py): tiny random checkpoints in both LLaVA layouts, sharded and
// single-file, float32 and float16, loaded through the model registry.
#include "io/SafetensorsFile.h"
#include "model/ModelFamilies.h"
#include "model/TensorConversions.h"

#include <QtTest>

#include <sstream>

using namespace unike;

namespace {

const std::string kFixtures = std::string(UNIKE_SOURCE_DIR) + "/tests/model/fixtures/llava/";

// Every case's inputs and expected outputs, as the reference wrote them.
class Reference {
public:
    explicit Reference(const std::string& folder)
        : file_(io::SafetensorsFile::open(folder + "/reference.safetensors")) {}

    std::vector<std::string> cases() const {
        std::vector<std::string> out;
        std::stringstream list(file_.metadata().at("cases"));
        for (std::string name; std::getline(list, name, ',');)
            out.push_back(name);
        return out;
    }
    bool has(const std::string& name) const { return file_.find(name) != nullptr; }
    torch::Tensor get(const std::string& name) const {
        const io::TensorInfo* info = file_.find(name);
        if (!info)
            throw std::runtime_error("reference.safetensors has no " + name);
        return model::readTensor(file_, *info);
    }

private:
    io::SafetensorsFile file_;
};

// max |actual - expected| / max |expected| over the real (unmasked) positions.
double relativeError(const torch::Tensor& actual, const torch::Tensor& expected,
                     const torch::Tensor& mask) {
    auto keep = mask.to(torch::kBool);
    while (keep.dim() < expected.dim())
        keep = keep.unsqueeze(-1);
    keep = keep.expand_as(expected);
    auto diff =
        (actual.to(torch::kFloat64) - expected.to(torch::kFloat64)).abs().masked_select(keep);
    auto scale = expected.to(torch::kFloat64).abs().masked_select(keep).max();
    return (diff.max() / scale).item<double>();
}

// Loads a fixture folder through the registry and compares every case; throws on a mismatch.
void checkFolder(const std::string& name, double tolerance) {
    torch::NoGradGuard noGrad;
    const std::string folder = kFixtures + name;
    auto model = model::loadModel(folder, {});
    Reference reference(folder);
    for (const std::string& c : reference.cases()) {
        model::ForwardInput input;
        input.inputIds = reference.get(c + ".input_ids");
        input.attentionMask = reference.get(c + ".attention_mask");
        if (reference.has(c + ".pixel_values"))
            input.pixelValues = reference.get(c + ".pixel_values");
        model::ForwardOptions options;
        options.captureHidden = true;
        auto out = model->forward(input, options);
        const auto mask = reference.get(c + ".output_mask");
        const auto expected = reference.get(c + ".logits");
        const std::string where = name + "/" + c;
        if (!torch::equal(out.attentionMask.to(torch::kLong), mask))
            throw std::runtime_error(where + ": the attention mask differs");
        if (out.logits.sizes() != expected.sizes())
            throw std::runtime_error(where + ": the logits' shape differs");
        std::vector<std::pair<std::string, double>> errors = {
            {"logits", relativeError(out.logits, expected, mask)}};
        for (size_t i = 0; reference.has(c + ".hidden." + std::to_string(i)); ++i)
            errors.push_back(
                {"hidden state " + std::to_string(i),
                 relativeError(out.hiddenStates.at(i),
                               reference.get(c + ".hidden." + std::to_string(i)), mask)});
        if (input.pixelValues.defined())
            errors.push_back(
                {"image features", relativeError(model->imagePrefix(input.pixelValues),
                                                 reference.get(c + ".image_features"),
                                                 torch::ones({input.pixelValues.size(0), 1}))});
        std::string line = where + ": max relative error of";
        for (const auto& [what, error] : errors) {
            line += std::string(line.back() == 'f' ? " " : ", ") + what + " " +
                    QString::number(error, 'g', 3).toStdString();
            if (error > tolerance)
                throw std::runtime_error(line + " is above " + std::to_string(tolerance));
        }
        qInfo("%s", line.c_str());
    }
}

} // namespace

class TestLlavaParity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void releasedLayoutFloat32() { checked("released", 1e-4); }
    void newerLayoutShardedTied() { checked("newer", 1e-4); }
    // Float16 weights, upcast to float32 on load: the reference computes with the same
    // rounded values, so float32's tolerance holds.
    void float16WeightsUpcast() { checked("float16", 1e-4); }
    void bareLlama() { checked("llama", 1e-4); }

    void singleImageTokenIsExpandedInFront() {
        torch::NoGradGuard noGrad;
        auto model = model::loadModel(kFixtures + "released", {});
        Reference reference(kFixtures + "released");
        model::ForwardInput input;
        input.inputIds = reference.get("single.input_ids");
        input.attentionMask = reference.get("single.attention_mask");
        input.pixelValues = reference.get("single.pixel_values");
        auto out = model->forward(input);
        // 16 visual tokens for one <image>: the text after the image moves by 15.
        QCOMPARE(out.prefixLength, int64_t(15));
        QCOMPARE(out.logits.size(1), input.inputIds.size(1) + 15);
        QCOMPARE(model->visualTokenCount(), int64_t(16));
        QCOMPARE(model->family(), std::string("llava"));
    }

private:
    static void checked(const std::string& name, double tolerance) {
        try {
            checkFolder(name, tolerance);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestLlavaParity)
#include "TestLlavaParity.moc"
