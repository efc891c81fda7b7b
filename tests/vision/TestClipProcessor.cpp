#include "ClipReferences.h"
#include "TestImages.h"
#include "vision/ImageGeometry.h"
#include "vision/ImagePreprocessor.h"
#include "vision/ImageProcessorConfig.h"
#include "vision/PilResampler.h"

#include <unike/Error.h>

#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

using unike::Error;
using unike::ErrorKind;
using unike::vision::ImagePreprocessor;
using unike::vision::ImageProcessorClass;
using unike::vision::ImageProcessorConfig;
using unike::vision::ImageSize;
using unike::vision::PilResampler;
using unike::vision::ResampleFilter;
using unike::vision::RgbImage;
namespace ti = testimages;
namespace vision = unike::vision;
using clipreferences::ClipReference;
using clipreferences::ClipSample;
using clipreferences::kClipReferences;

namespace {

std::uint64_t fnv1a(const std::vector<std::uint8_t>& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::uint8_t b : bytes) {
        h ^= b;
        h *= 0x100000001b3ULL;
    }
    return h;
}

ImageProcessorConfig configFor(const ClipReference& ref) {
    ImageProcessorConfig config = ImageProcessorConfig::clip();
    config.doResize = ref.shortestEdge > 0;
    if (config.doResize)
        config.shortestEdge = ref.shortestEdge;
    config.cropHeight = ref.cropHeight;
    config.cropWidth = ref.cropWidth;
    config.padToSquare = ref.pad;
    return config;
}

const ClipReference& reference(const char* name) {
    for (const ClipReference& ref : kClipReferences)
        if (std::string(ref.name) == name)
            return ref;
    throw std::logic_error(std::string("no reference named ") + name);
}

void expectError(const std::string& json, ErrorKind kind, const QStringList& fragments) {
    try {
        ImageProcessorConfig::fromJson(json, "'llava/preprocessor_config.json'");
    } catch (const Error& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(e.kind() == kind, qPrintable("wrong kind for: " + message));
        for (const QString& fragment : fragments)
            QVERIFY2(message.contains(fragment),
                     qPrintable("'" + fragment + "' missing from: " + message));
        return;
    }
    QFAIL(qPrintable("accepted: " + QString::fromStdString(json)));
}

bool sameConfig(const ImageProcessorConfig& a, const ImageProcessorConfig& b) {
    // height and width mean nothing while shortestEdge is set, nor the crop without cropping.
    const bool sizeSame = a.shortestEdge == b.shortestEdge &&
                          (a.shortestEdge > 0 || (a.height == b.height && a.width == b.width));
    const bool cropSame =
        a.doCenterCrop == b.doCenterCrop &&
        (!a.doCenterCrop || (a.cropHeight == b.cropHeight && a.cropWidth == b.cropWidth));
    return a.processorClass == b.processorClass && a.doResize == b.doResize && sizeSame &&
           cropSame && a.padToSquare == b.padToSquare && a.resample == b.resample &&
           a.doRescale == b.doRescale && a.rescaleFactor == b.rescaleFactor &&
           a.doNormalize == b.doNormalize && a.imageMean == b.imageMean &&
           a.imageStd == b.imageStd && a.doConvertRgb == b.doConvertRgb;
}

// llava-hf/llava-1.5-7b-hf's preprocessor_config.json as transformers saved it.
const char* const kLlavaHf = R"({
  "crop_size": {"height": 336, "width": 336}, "do_center_crop": true, "do_convert_rgb": true,
  "do_normalize": true, "do_rescale": true, "do_resize": true,
  "image_mean": [0.48145466, 0.4578275, 0.40821073],
  "image_processor_type": "CLIPImageProcessor",
  "image_std": [0.26862954, 0.26130258, 0.27577711],
  "processor_class": "LlavaProcessor", "resample": 3,
  "rescale_factor": 0.00392156862745098, "size": {"shortest_edge": 336}})";

// openai/clip-vit-large-patch14-336's, which the original LLaVA-1.5 loads: the older form,
// with plain ints and only a feature extractor type.
const char* const kOpenAiClip336 = R"({
  "crop_size": 336, "do_center_crop": true, "do_normalize": true, "do_resize": true,
  "feature_extractor_type": "CLIPFeatureExtractor",
  "image_mean": [0.48145466, 0.4578275, 0.40821073],
  "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3, "size": 336})";

} // namespace

class TestClipProcessor : public QObject {
    Q_OBJECT

private slots:
    void matchesTransformersReferences() {
        QVERIFY(std::size(kClipReferences) >= 16);
        for (const ClipReference& ref : kClipReferences) {
            const ImagePreprocessor preprocessor(configFor(ref));
            const auto result = preprocessor.preprocess(ti::pattern(ref.inWidth, ref.inHeight));
            const QString name = ref.name;
            QCOMPARE(result.resized.width, ref.outWidth);
            QCOMPARE(result.resized.height, ref.outHeight);
            QCOMPARE(result.pixels.width, ref.outWidth);
            QCOMPARE(result.pixels.height, ref.outHeight);
            QVERIFY2(fnv1a(result.resized.pixels) == ref.hash,
                     qPrintable(name + ": the model's image differs from transformers'"));
            double sum = 0;
            for (float v : result.pixels.data)
                sum += v;
            QVERIFY2(std::abs(sum - ref.sum) < 1e-3,
                     qPrintable(QString("%1: sum %2, transformers %3")
                                    .arg(name)
                                    .arg(sum, 0, 'g', 17)
                                    .arg(ref.sum, 0, 'g', 17)));
            for (const ClipSample& s : ref.samples) {
                const float got = result.pixels.at(s.c, s.y, s.x);
                QVERIFY2(std::abs(got - s.value) <= 1e-5f,
                         qPrintable(QString("%1: (%2, %3, %4) is %5, transformers %6")
                                        .arg(name)
                                        .arg(s.c)
                                        .arg(s.y)
                                        .arg(s.x)
                                        .arg(got, 0, 'g', 9)
                                        .arg(s.value, 0, 'g', 9)));
            }
        }
    }

    void referencesCatchTheRoundingTraps() {
        // Guards the guard: the usual mistakes change the hash. Rounding the long side
        // (338 instead of int(337.69)) shifts the crop's content.
        const ClipReference& ref = reference("199x300 (long side 337.69 truncated)");
        const RgbImage rounded = vision::centerCrop(
            PilResampler().resize(ti::pattern(ref.inWidth, ref.inHeight), 224, 338), 224, 224);
        QVERIFY(fnv1a(rounded.pixels) != ref.hash);
        // Filling with round(mean * 255) = (123, 117, 104) instead of LLaVA's int() truncation.
        const ClipReference& padded = reference("37x61 padded");
        const RgbImage square = vision::padToSquare(ti::pattern(37, 61), {123, 117, 104});
        QVERIFY(fnv1a(PilResampler().resize(square, 224, 224).pixels) != padded.hash);
        // Centring the crop with the offset rounded up instead of down.
        const ClipReference& odd = reference("37x61 to 30, crop 21x17");
        const RgbImage resized = PilResampler().resize(ti::pattern(37, 61), 30, 49);
        RgbImage shifted(17, 21);
        for (int y = 0; y < 21; ++y)
            std::copy(resized.pixel(7, y + 14), resized.pixel(7 + 17, y + 14), shifted.pixel(0, y));
        QVERIFY(fnv1a(shifted.pixels) != odd.hash);
    }

    void shortestEdgeTruncatesTheLongSide() {
        const auto check = [](int w, int h, int n, int ew, int eh) {
            const ImageSize s = vision::shortestEdgeSize(w, h, n);
            return s.width == ew && s.height == eh;
        };
        QVERIFY(check(199, 300, 224, 224, 337)); // 337.69
        QVERIFY(check(300, 199, 224, 337, 224));
        QVERIFY(check(300, 200, 224, 336, 224));
        QVERIFY(check(37, 61, 224, 224, 369)); // 369.30
        QVERIFY(check(10, 500, 224, 224, 11200));
        QVERIFY(check(3, 1000, 7, 7, 2333));
        QVERIFY(check(50, 50, 224, 224, 224));
        QVERIFY(check(640, 480, 336, 448, 336));
        QVERIFY_THROWS_EXCEPTION(Error, vision::shortestEdgeSize(0, 5, 224));
    }

    void centreCropPadsLikeTransformers() {
        // 5 x 7 into 8 x 8: transformers places it at (ceil(3/2), ceil(1/2)) = (2, 1) on zeros.
        RgbImage image(5, 7);
        std::fill(image.pixels.begin(), image.pixels.end(), std::uint8_t(200));
        image.pixel(0, 0)[0] = 1;
        const RgbImage out = vision::centerCrop(image, 8, 8);
        QCOMPARE(out.width, 8);
        QCOMPARE(out.height, 8);
        QCOMPARE(int(out.pixel(2, 1)[0]), 1);
        QCOMPARE(int(out.pixel(6, 7)[1]), 200);
        QCOMPARE(int(out.pixel(1, 1)[0]), 0);
        QCOMPARE(int(out.pixel(7, 7)[2]), 0);
        QCOMPARE(int(out.pixel(2, 0)[0]), 0);
        // Larger: the window starts at (side - crop) // 2, so 10 -> 3 starts at 3.
        const RgbImage big = ti::pattern(10, 10);
        const RgbImage crop = vision::centerCrop(big, 3, 3);
        QVERIFY(std::equal(crop.pixel(0, 0), crop.pixel(0, 0) + 9, big.pixel(3, 3)));
        // Mixed: wider than the crop and shorter.
        const RgbImage mixed = vision::centerCrop(big, 4, 13);
        QVERIFY(std::equal(mixed.pixel(0, 2), mixed.pixel(0, 2) + 12, big.pixel(3, 0)));
        QCOMPARE(int(mixed.pixel(0, 1)[0]), 0);
        QCOMPARE(int(mixed.pixel(3, 12)[0]), 0);
    }

    void padToSquareCentresLikeExpand2square() {
        const std::array<std::uint8_t, 3> fill = {122, 116, 104};
        const RgbImage tall = ti::pattern(3, 6);
        const RgbImage square = vision::padToSquare(tall, fill);
        QCOMPARE(square.width, 6);
        QCOMPARE(square.height, 6);
        QVERIFY(std::equal(square.pixel(1, 4), square.pixel(1, 4) + 9, tall.pixel(0, 4)));
        QVERIFY(std::equal(fill.begin(), fill.end(), square.pixel(0, 0)));
        QVERIFY(std::equal(fill.begin(), fill.end(), square.pixel(4, 5)));
        const RgbImage wide = ti::pattern(7, 4);
        const RgbImage padded = vision::padToSquare(wide, fill);
        QCOMPARE(padded.height, 7);
        QVERIFY(std::equal(padded.pixel(0, 1), padded.pixel(0, 1) + 21, wide.pixel(0, 0)));
        QVERIFY(std::equal(fill.begin(), fill.end(), padded.pixel(6, 5)));
        QVERIFY(std::equal(fill.begin(), fill.end(), padded.pixel(0, 0)));
        QVERIFY(vision::padToSquare(ti::pattern(5, 5), fill).pixels == ti::pattern(5, 5).pixels);
        // LLaVA's fill is tuple(int(x * 255) for x in image_mean): truncated, not rounded.
        QCOMPARE(ImageProcessorConfig::clip().padColour(), fill);
    }

    void modelImageIsWhatPreprocessShows() {
        ImageProcessorConfig config = ImageProcessorConfig::clip();
        config.padToSquare = true;
        const ImagePreprocessor preprocessor(config);
        const RgbImage input = ti::pattern(300, 200);
        QVERIFY(preprocessor.modelImage(input).pixels ==
                preprocessor.preprocess(input).resized.pixels);
        // resize() is the resize step alone, without the padding: 300 x 200 -> 336 x 224.
        QCOMPARE(preprocessor.resize(input).width, 336);
        QCOMPARE(preprocessor.resize(input).height, 224);
        // A strip whose shortest edge would need gigabytes is refused, not attempted.
        config.padToSquare = false;
        QVERIFY_THROWS_EXCEPTION(Error, ImagePreprocessor(config).preprocess(RgbImage(1, 400000)));
    }

    void outputSizeFollowsTheConfig() {
        ImageProcessorConfig clip = ImageProcessorConfig::clip();
        QCOMPARE(clip.outputHeight(), 224);
        clip.cropHeight = 100;
        QCOMPARE(clip.outputHeight(), 100);
        QCOMPARE(clip.outputWidth(), 224);
        clip.doCenterCrop = false;
        QCOMPARE(clip.outputHeight(), 0); // follows the image's shape
        clip.padToSquare = true;
        QCOMPARE(clip.outputWidth(), 224);
        QCOMPARE(ImageProcessorConfig::blip().outputHeight(), 384);
    }

    void clipDefaultsAreTransformers() {
        const auto config =
            ImageProcessorConfig::fromJson(R"({"image_processor_type": "CLIPImageProcessor"})");
        QVERIFY(config.processorClass == ImageProcessorClass::Clip);
        QCOMPARE(config.shortestEdge, 224);
        QVERIFY(config.doCenterCrop);
        QCOMPARE(config.cropHeight, 224);
        QCOMPARE(config.cropWidth, 224);
        QVERIFY(config.resample == ResampleFilter::Bicubic);
        QVERIFY(config.doResize && config.doRescale && config.doNormalize && config.doConvertRgb);
        QVERIFY(!config.padToSquare);
        QCOMPARE(config.rescaleFactor, 1.0 / 255.0);
        QCOMPARE(config.imageMean, (std::array<double, 3>{0.48145466, 0.4578275, 0.40821073}));
        QCOMPARE(config.imageStd, (std::array<double, 3>{0.26862954, 0.26130258, 0.27577711}));
        QVERIFY(sameConfig(config, ImageProcessorConfig::clip()));
        // No class at all is BLIP, as every existing UniKE folder expects.
        QVERIFY(ImageProcessorConfig::fromJson("{}").processorClass == ImageProcessorClass::Blip);
    }

    void readsPublishedLlavaConfigs() {
        const auto hf = ImageProcessorConfig::fromJson(kLlavaHf);
        QVERIFY(hf.processorClass == ImageProcessorClass::Clip);
        QCOMPARE(hf.shortestEdge, 336);
        QCOMPARE(hf.cropHeight, 336);
        QCOMPARE(hf.cropWidth, 336);
        QCOMPARE(hf.outputHeight(), 336);
        // An int size is CLIP's shortest edge (get_size_dict(default_to_square=False)) and an
        // int crop a square; CLIPFeatureExtractor is the old name of the same processor.
        const auto openai = ImageProcessorConfig::fromJson(kOpenAiClip336);
        QVERIFY(openai.processorClass == ImageProcessorClass::Clip);
        QCOMPARE(openai.shortestEdge, 336);
        QCOMPARE(openai.cropHeight, 336);
        QCOMPARE(openai.cropWidth, 336);
        QVERIFY(sameConfig(hf, openai));
        // The original LLaVA's padding, and both type keys as openai/clip-vit-base-patch32 has.
        const auto padded = ImageProcessorConfig::fromJson(
            R"({"image_processor_type": "CLIPImageProcessor", "image_aspect_ratio": "pad",
                "feature_extractor_type": "CLIPFeatureExtractor"})");
        QVERIFY(padded.padToSquare);
        QVERIFY(!ImageProcessorConfig::fromJson(R"({"image_aspect_ratio": "square"})").padToSquare);
    }

    void sizeFormsAreTransformers() {
        const auto fixed = ImageProcessorConfig::fromJson(
            R"({"image_processor_type": "CLIPImageProcessor", "size": {"height": 300,
                "width": 200}, "crop_size": {"height": 21, "width": 17}})");
        QCOMPARE(fixed.shortestEdge, 0);
        QCOMPARE(fixed.height, 300);
        QCOMPARE(fixed.width, 200);
        QCOMPARE(fixed.cropHeight, 21);
        QCOMPARE(fixed.cropWidth, 17);
        const RgbImage resized = ImagePreprocessor(fixed).resize(ti::pattern(37, 61));
        QCOMPARE(resized.width, 200);
        QCOMPARE(resized.height, 300);
        // get_size_dict's tuple form is (height, width).
        const auto listed = ImageProcessorConfig::fromJson(
            R"({"image_processor_type": "CLIPImageProcessor", "size": [300, 200],
                "crop_size": [21, 17]})");
        QVERIFY(sameConfig(fixed, listed));
        // For BLIP an int is still a square.
        const auto blip = ImageProcessorConfig::fromJson(R"({"size": 96})");
        QCOMPARE(blip.shortestEdge, 0);
        QCOMPARE(blip.height, 96);
        QCOMPARE(blip.width, 96);
    }

    void noOpKeysAreAccepted() {
        // What transformers has saved next to these processors over its versions, and what
        // LlavaProcessor's processor_config.json adds when tools merge the two files.
        const auto config = ImageProcessorConfig::fromJson(
            R"({"image_processor_type": "CLIPImageProcessor", "processor_class": "LlavaProcessor",
                "_valid_processor_keys": ["images", "do_resize", "size"],
                "image_seq_length": 576, "num_query_tokens": 32, "image_token": "<image>",
                "patch_size": 14, "vision_feature_select_strategy": "default",
                "num_additional_image_tokens": 1, "do_pad": false, "use_square_size": false})");
        QVERIFY(sameConfig(config, ImageProcessorConfig::clip()));
        QVERIFY(sameConfig(ImageProcessorConfig::fromJson(R"({"image_seq_length": 32})"),
                           ImageProcessorConfig::blip()));
    }

    void unknownClassesAndKeysAreRefused() {
        const QString file = "llava/preprocessor_config.json";
        expectError(R"({"image_processor_type": "SiglipImageProcessor"})", ErrorKind::Unsupported,
                    {file, "SiglipImageProcessor", "BlipImageProcessor", "CLIPImageProcessor"});
        expectError(R"({"image_processor_type": "CLIPImageProcessorFast"})", ErrorKind::Unsupported,
                    {"CLIPImageProcessorFast", "torchvision"});
        expectError(R"({"feature_extractor_type": "ViTFeatureExtractor"})", ErrorKind::Unsupported,
                    {"ViTImageProcessor", "CLIPImageProcessor"});
        expectError(R"({"image_processor_type": 3})", ErrorKind::InvalidInput,
                    {"image_processor_type"});
        expectError(R"({"image_processor_type": "CLIPImageProcessor", "do_flip": true})",
                    ErrorKind::Unsupported, {file, "\"do_flip\"", "CLIPImageProcessor"});
        expectError(R"({"do_center_crop": true})", ErrorKind::Unsupported,
                    {file, "\"do_center_crop\"", "BlipImageProcessor"});
        expectError(R"({"size": {"height": 4, "width": 4}, "crop_size": 4})",
                    ErrorKind::Unsupported, {"\"crop_size\""});
    }

    void unimplementedValuesAreRefused() {
        const std::string clip = R"({"image_processor_type": "CLIPImageProcessor", )";
        expectError(clip + R"("do_pad": true})", ErrorKind::Unsupported, {"\"do_pad\"", "true"});
        expectError(clip + R"("use_square_size": true})", ErrorKind::Unsupported,
                    {"\"use_square_size\""});
        expectError(clip + R"("image_aspect_ratio": "anyres"})", ErrorKind::Unsupported,
                    {"image_aspect_ratio", "anyres", "pad"});
        expectError(clip + R"("size": {"shortest_edge": 224, "longest_edge": 500}})",
                    ErrorKind::Unsupported, {"\"size\"", "longest_edge"});
        expectError(clip + R"("size": {"longest_edge": 224}})", ErrorKind::InvalidInput,
                    {"\"size\"", "shortest_edge"});
        expectError(clip + R"("crop_size": {"shortest_edge": 224}})", ErrorKind::InvalidInput,
                    {"\"crop_size\"", "height"});
        expectError(clip + R"("size": {"shortest_edge": 0}})", ErrorKind::InvalidInput,
                    {"size.shortest_edge", "between 1 and"});
        expectError(clip + R"("crop_size": 9000})", ErrorKind::InvalidInput, {"crop_size"});
        expectError(clip + R"("image_aspect_ratio": "pad", "image_mean": [1.5, 0.5, 0.5]})",
                    ErrorKind::InvalidInput, {"image_mean", "pad"});
        expectError(clip + R"("resample": 0})", ErrorKind::InvalidInput, {"nearest"});
        // The same limits hold for a config built in code.
        ImageProcessorConfig blip;
        blip.shortestEdge = 224;
        QVERIFY_THROWS_EXCEPTION(Error, ImagePreprocessor{blip});
        blip.shortestEdge = 0;
        blip.doCenterCrop = true;
        QVERIFY_THROWS_EXCEPTION(Error, ImagePreprocessor{blip});
    }

    void clipRoundTrips() {
        std::vector<ImageProcessorConfig> configs = {ImageProcessorConfig::clip(),
                                                     ImageProcessorConfig::fromJson(kLlavaHf)};
        ImageProcessorConfig odd = ImageProcessorConfig::clip();
        odd.shortestEdge = 0;
        odd.height = 17;
        odd.width = 5;
        odd.cropHeight = 3;
        odd.cropWidth = 11;
        odd.padToSquare = true;
        odd.resample = ResampleFilter::Lanczos;
        odd.imageMean = {0.1, 0.2, 0.30000000000000004};
        odd.doRescale = false;
        configs.push_back(odd);
        odd.doCenterCrop = false;
        odd.shortestEdge = 31;
        odd.doResize = false;
        configs.push_back(odd);
        ImageProcessorConfig paddedBlip;
        paddedBlip.padToSquare = true;
        configs.push_back(paddedBlip);
        for (const ImageProcessorConfig& config : configs) {
            const std::string json = config.toJson();
            QVERIFY2(sameConfig(config, ImageProcessorConfig::fromJson(json)), json.c_str());
        }
        const QString clipJson = QString::fromStdString(ImageProcessorConfig::clip().toJson());
        QVERIFY(clipJson.contains("\"CLIPImageProcessor\""));
        QVERIFY(clipJson.contains("\"shortest_edge\": 224"));
        QVERIFY(clipJson.contains("\"crop_size\""));
        QVERIFY(!clipJson.contains("image_aspect_ratio"));
        // BLIP's file keeps exactly the keys it had.
        const QString blipJson = QString::fromStdString(ImageProcessorConfig{}.toJson());
        QVERIFY(!blipJson.contains("crop") && !blipJson.contains("image_aspect_ratio"));
        QVERIFY(blipJson.contains("\"BlipImageProcessor\""));
    }

    void everyConfigInTheRepositoryLoads() {
        namespace fs = std::filesystem;
        int found = 0;
        const fs::path root = UNIKE_SOURCE_DIR;
        for (auto it = fs::recursive_directory_iterator(root); it != fs::end(it); ++it) {
            const std::string name = it->path().filename().string();
            if (it->is_directory() && (name.rfind("build", 0) == 0 || name.rfind(".", 0) == 0)) {
                it.disable_recursion_pending(); // build trees and .git are not the repository's
                continue;
            }
            if (name != "preprocessor_config.json")
                continue;
            try {
                ImageProcessorConfig::fromFile(it->path());
            } catch (const Error& e) {
                QFAIL(e.what());
            }
            ++found;
        }
        QVERIFY2(found >= 1, "the demo model's preprocessor_config.json was not found");
        const auto demo = ImageProcessorConfig::fromFile(root / "resources" / "models" / "demo" /
                                                         "preprocessor_config.json");
        QVERIFY(demo.processorClass == ImageProcessorClass::Blip);
        QCOMPARE(demo.height, 48);
        QCOMPARE(demo.width, 48);
        // BLIP's toJson is byte for byte what wrote the shipped demo model's file (which then
        // got one more newline).
        QFile file(QString::fromStdString(
            (root / "resources" / "models" / "demo" / "preprocessor_config.json").string()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed(), QByteArray::fromStdString(demo.toJson()).trimmed());
    }
};

int runClipProcessorTests(int argc, char** argv) {
    TestClipProcessor test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestClipProcessor.moc"
