#include "TestImages.h"
#include "vision/ImagePreprocessor.h"
#include "vision/ImageProcessorConfig.h"
#include "vision/PilResampler.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <functional>

using unike::Error;
using unike::ErrorKind;
using unike::vision::ImagePreprocessor;
using unike::vision::ImageProcessorConfig;
using unike::vision::PilResampler;
using unike::vision::ResampleFilter;
using unike::vision::RgbImage;
namespace ti = testimages;

namespace {

// Pillow 9.4's Image.resize on ti::pattern(), sampled on a grid of 8 x 8 pixels (R, G, B
// each), printed once by make_pil_references.py so this test runs without Python.
struct PilReference {
    const char* name;
    int inWidth, inHeight, outWidth, outHeight;
    ResampleFilter filter;
    std::array<int, 8> xs, ys;
    std::array<int, 192> rgb;
};

const PilReference kPilReferences[] = {
    {"bicubic 37x23 -> 8x8",
     37,
     23,
     8,
     8,
     ResampleFilter::Bicubic,
     {0, 1, 2, 3, 4, 5, 6, 7},
     {0, 1, 2, 3, 4, 5, 6, 7},
     {40,  38,  38,  67,  41,  56,  90,  39,  70,  91,  40,  86,  116, 40,  102, 122, 37,  113,
      125, 41,  133, 152, 38,  145, 37,  58,  46,  69,  68,  69,  85,  61,  77,  137, 63,  94,
      135, 64,  109, 132, 58,  119, 129, 68,  145, 108, 59,  150, 45,  94,  62,  61,  85,  70,
      93,  90,  91,  94,  89,  105, 121, 87,  120, 123, 93,  140, 126, 85,  147, 146, 91,  169,
      43,  116, 72,  62,  111, 80,  90,  115, 100, 131, 114, 114, 137, 114, 128, 132, 118, 148,
      129, 111, 157, 110, 117, 177, 39,  135, 72,  70,  143, 97,  88,  136, 106, 100, 139, 123,
      119, 138, 140, 124, 132, 148, 126, 143, 174, 144, 134, 180, 37,  160, 86,  68,  167, 106,
      86,  161, 116, 132, 163, 133, 134, 165, 148, 132, 160, 159, 129, 167, 183, 113, 161, 190,
      45,  194, 101, 59,  185, 107, 94,  191, 130, 100, 190, 143, 124, 189, 157, 124, 196, 179,
      126, 185, 184, 140, 193, 208, 43,  214, 108, 63,  211, 118, 90,  214, 138, 121, 215, 153,
      132, 214, 166, 129, 216, 184, 128, 211, 196, 120, 216, 214}},
    {"bicubic 37x23 -> 50x50",
     37,
     23,
     50,
     50,
     ResampleFilter::Bicubic,
     {0, 7, 14, 21, 28, 35, 42, 49},
     {0, 7, 14, 21, 28, 35, 42, 49},
     {0,   8,   29,  46,  23,  21,  97,  35,  91,  104, 27,  81,  155, 26,  71,  0,   42,  149,
      5,   53,  137, 0,   27,  128, 47,  59,  59,  81,  79,  67,  56,  34,  70,  116, 57,  96,
      102, 80,  113, 248, 29,  118, 243, 53,  125, 248, 75,  163, 26,  70,  16,  33,  57,  58,
      109, 118, 98,  114, 78,  93,  158, 52,  109, 0,   115, 145, 0,   99,  185, 0,   51,  155,
      1,   82,  52,  51,  104, 50,  91,  120, 126, 106, 108, 111, 96,  106, 99,  255, 120, 177,
      255, 140, 171, 255, 105, 153, 54,  173, 84,  65,  148, 114, 82,  132, 76,  114, 150, 128,
      158, 150, 172, 0,   132, 129, 0,   112, 163, 0,   152, 222, 33,  185, 120, 82,  197, 112,
      59,  135, 105, 112, 172, 143, 99,  203, 163, 255, 138, 160, 253, 154, 155, 255, 200, 218,
      11,  163, 78,  51,  188, 85,  88,  208, 158, 109, 190, 140, 155, 187, 130, 0,   206, 206,
      5,   226, 208, 0,   185, 183, 68,  250, 109, 71,  231, 145, 70,  220, 112, 123, 225, 152,
      100, 231, 203, 255, 211, 155, 250, 205, 205, 255, 225, 243}},
    {"bicubic 37x23 -> 16x40",
     37,
     23,
     16,
     40,
     ResampleFilter::Bicubic,
     {0, 2, 5, 7, 9, 11, 13, 15},
     {0, 5, 11, 17, 22, 28, 34, 39},
     {36,  36,  43,  41,  9,   23,  87,  23,  55,  110, 55,  104, 231, 21,  84,  77,  33,  123,
      11,  35,  133, 164, 25,  130, 30,  48,  37,  75,  76,  78,  110, 62,  86,  125, 36,  75,
      86,  68,  122, 148, 50,  124, 174, 53,  139, 113, 64,  162, 44,  88,  55,  35,  64,  52,
      85,  65,  80,  98,  96,  126, 240, 64,  108, 73,  94,  143, 1,   89,  161, 167, 63,  158,
      38,  118, 72,  39,  95,  57,  89,  105, 86,  173, 136, 132, 13,  102, 114, 183, 119, 158,
      255, 120, 167, 87,  107, 160, 33,  135, 67,  78,  154, 106, 100, 147, 127, 69,  122, 117,
      245, 150, 160, 70,  133, 147, 0,   132, 169, 169, 147, 206, 26,  164, 84,  82,  188, 117,
      110, 184, 131, 142, 156, 120, 24,  189, 169, 179, 158, 164, 245, 166, 178, 91,  186, 207,
      41,  199, 100, 41,  183, 93,  90,  192, 120, 109, 218, 161, 238, 186, 146, 73,  205, 191,
      2,   204, 198, 167, 193, 193, 34,  217, 96,  76,  246, 146, 108, 227, 155, 133, 198, 142,
      25,  234, 192, 178, 220, 182, 244, 221, 206, 91,  225, 233}},
    {"bicubic 640x480 -> 384x384 (BLIP)",
     640,
     480,
     384,
     384,
     ResampleFilter::Bicubic,
     {0, 55, 110, 165, 219, 274, 329, 383},
     {0, 55, 110, 165, 219, 274, 329, 383},
     {26,  31,  33,  70,  39,  47,  91,  32,  61,  108, 30,  77,  154, 23,  82,  0,   26,  98,
      154, 28,  113, 148, 27,  134, 31,  62,  48,  57,  53,  42,  86,  55,  66,  111, 62,  97,
      111, 80,  123, 208, 83,  135, 111, 84,  149, 115, 60,  151, 27,  82,  53,  71,  104, 77,
      89,  93,  88,  110, 78,  98,  133, 67,  93,  99,  71,  106, 133, 73,  121, 132, 86,  162,
      38,  110, 65,  54,  111, 68,  84,  111, 92,  113, 115, 119, 133, 134, 146, 99,  135, 155,
      133, 136, 168, 132, 119, 179, 33,  134, 69,  65,  141, 108, 87,  141, 115, 110, 139, 119,
      97,  118, 122, 255, 115, 144, 97,  111, 159, 104, 135, 184, 33,  168, 89,  54,  165, 105,
      84,  167, 120, 115, 168, 136, 157, 171, 155, 0,   169, 172, 157, 170, 189, 151, 168, 199,
      31,  196, 102, 56,  196, 115, 81,  197, 134, 115, 194, 148, 99,  197, 165, 255, 199, 180,
      99,  199, 195, 106, 198, 214, 30,  216, 108, 69,  238, 137, 88,  229, 148, 109, 217, 157,
      101, 203, 154, 255, 206, 167, 101, 205, 180, 107, 224, 223}},
    {"bilinear 37x23 -> 8x8",
     37,
     23,
     8,
     8,
     ResampleFilter::Bilinear,
     {0, 1, 2, 3, 4, 5, 6, 7},
     {0, 1, 2, 3, 4, 5, 6, 7},
     {42,  40,  40,  68,  43,  57,  88,  41,  70,  96,  42,  87,  117, 42,  103, 119, 38,  114,
      127, 43,  133, 151, 39,  144, 39,  59,  48,  69,  68,  68,  87,  62,  78,  129, 64,  95,
      133, 65,  110, 134, 59,  121, 128, 67,  144, 111, 61,  150, 46,  93,  63,  62,  86,  71,
      91,  90,  90,  100, 89,  105, 121, 87,  120, 121, 93,  140, 127, 86,  148, 143, 91,  167,
      45,  116, 72,  63,  112, 81,  91,  115, 100, 124, 115, 114, 134, 114, 128, 133, 117, 147,
      128, 112, 158, 113, 116, 175, 41,  136, 74,  69,  143, 97,  88,  137, 106, 104, 138, 123,
      120, 139, 140, 122, 134, 149, 127, 142, 173, 141, 135, 180, 39,  160, 87,  68,  166, 106,
      88,  162, 116, 126, 163, 132, 132, 165, 148, 133, 160, 160, 128, 166, 182, 115, 161, 189,
      46,  192, 101, 61,  185, 108, 91,  190, 129, 103, 189, 143, 123, 188, 157, 123, 194, 178,
      127, 186, 185, 140, 192, 205, 45,  212, 109, 63,  209, 118, 90,  213, 137, 120, 213, 152,
      131, 212, 165, 131, 214, 183, 128, 209, 194, 119, 214, 212}},
};

// The largest distance, in grey levels, between `image` and a reference's samples.
int distanceToPil(const RgbImage& image, const PilReference& ref) {
    int worst = 0;
    std::size_t i = 0;
    for (int y : ref.ys)
        for (int x : ref.xs)
            for (int c = 0; c < 3; ++c, ++i)
                worst = std::max(worst, std::abs(int(image.pixel(x, y)[c]) - ref.rgb[i]));
    return worst;
}

void expectConfigError(const std::string& json, ErrorKind kind, const QStringList& fragments) {
    try {
        ImageProcessorConfig::fromJson(json, "preprocessor_config.json");
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
    return a.doResize == b.doResize && a.height == b.height && a.width == b.width &&
           a.resample == b.resample && a.doRescale == b.doRescale &&
           a.rescaleFactor == b.rescaleFactor && a.doNormalize == b.doNormalize &&
           a.imageMean == b.imageMean && a.imageStd == b.imageStd &&
           a.doConvertRgb == b.doConvertRgb;
}

} // namespace

class TestImagePreprocessor : public QObject {
    Q_OBJECT

private slots:
    void resizeMatchesPillow() {
        for (const PilReference& ref : kPilReferences) {
            const RgbImage input = ti::pattern(ref.inWidth, ref.inHeight);
            const RgbImage out =
                PilResampler(ref.filter).resize(input, ref.outWidth, ref.outHeight);
            QCOMPARE(out.width, ref.outWidth);
            QCOMPARE(out.height, ref.outHeight);
            const int distance = distanceToPil(out, ref);
            QVERIFY2(
                distance <= 1,
                qPrintable(QString("%1: %2 grey levels from Pillow").arg(ref.name).arg(distance)));
        }
    }

    void openCvCubicWouldNotPass() {
        // Guards the guard: OpenCV's INTER_CUBIC (no antialiasing) fails the same comparison.
        const PilReference& ref = kPilReferences[0];
        cv::Mat resized;
        cv::resize(ti::toBgr(ti::pattern(ref.inWidth, ref.inHeight)), resized,
                   cv::Size(ref.outWidth, ref.outHeight), 0, 0, cv::INTER_CUBIC);
        QVERIFY(distanceToPil(ti::fromBgr(resized), ref) > 10);
    }

    void sameSizeIsACopy() {
        const RgbImage input = ti::pattern(37, 23);
        QVERIFY(PilResampler().resize(input, 37, 23).pixels == input.pixels);
        // One side unchanged: only the other pass runs, and a single column survives.
        const RgbImage column = PilResampler().resize(input, 1, 23);
        QCOMPARE(column.width, 1);
        QCOMPARE(column.height, 23);
    }

    void badResizeRequestsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(Error, PilResampler().resize(RgbImage(), 8, 8));
        QVERIFY_THROWS_EXCEPTION(Error, PilResampler().resize(ti::pattern(4, 4), 0, 8));
        QVERIFY_THROWS_EXCEPTION(Error, PilResampler(ResampleFilter::Nearest));
    }

    void normalisesLikeTransformers() {
        // float32 (v / 255 - mean) / std as transformers computes it, for v = 0, 1, 128, 255.
        const int values[] = {0, 1, 128, 255};
        const float expected[4][3] = {{-1.79226255f, -1.75209713f, -1.48021984f},
                                      {-1.77766407f, -1.73708928f, -1.46599972f},
                                      {0.0763361454f, 0.168897316f, 0.339948773f},
                                      {1.93033612f, 2.0748837f, 2.14589691f}};
        RgbImage image(4, 1);
        for (int i = 0; i < 4; ++i)
            std::fill(image.pixel(i, 0), image.pixel(i, 0) + 3, std::uint8_t(values[i]));
        const auto tensor = ImagePreprocessor().toTensor(image);
        QCOMPARE(tensor.channels, 3);
        QCOMPARE(tensor.height, 1);
        QCOMPARE(tensor.width, 4);
        for (int i = 0; i < 4; ++i)
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(tensor.at(c, 0, i) - expected[i][c]) < 1e-6f,
                         qPrintable(QString("v=%1 c=%2: %3")
                                        .arg(values[i])
                                        .arg(c)
                                        .arg(tensor.at(c, 0, i), 0, 'g', 9)));
    }

    void tensorIsChannelMajor() {
        RgbImage image(2, 1);
        const std::uint8_t px[] = {255, 0, 0, 0, 0, 255}; // red, blue
        std::copy(px, px + 6, image.pixels.begin());
        ImageProcessorConfig config;
        config.doNormalize = false;
        const auto tensor = ImagePreprocessor(config).toTensor(image);
        QCOMPARE(tensor.data, (std::vector<float>{1, 0, 0, 0, 0, 1}));
        config.doRescale = false;
        QCOMPARE(ImagePreprocessor(config).toTensor(image).data,
                 (std::vector<float>{255, 0, 0, 0, 0, 255}));
    }

    void preprocessResizesThenNormalises() {
        ImageProcessorConfig config;
        config.height = 20;
        config.width = 30;
        const ImagePreprocessor preprocessor(config);
        const RgbImage input = ti::pattern(37, 23);
        const auto result = preprocessor.preprocess(input);
        QCOMPARE(result.resized.width, 30);
        QCOMPARE(result.resized.height, 20);
        QVERIFY(result.resized.pixels == PilResampler().resize(input, 30, 20).pixels);
        QCOMPARE(result.pixels.data, preprocessor.toTensor(result.resized).data);
        QCOMPARE(result.pixels.data.size(), std::size_t(3 * 20 * 30));
        // A 1 x 4000 strip is fine too.
        QCOMPARE(preprocessor.preprocess(RgbImage(1, 4000)).resized.width, 30);
        config.doResize = false;
        QCOMPARE(ImagePreprocessor(config).preprocess(input).pixels.width, 37);
    }

    void configDefaultsAreTransformers() {
        const ImageProcessorConfig config = ImageProcessorConfig::fromJson("{}");
        QVERIFY(config.doResize && config.doRescale && config.doNormalize && config.doConvertRgb);
        QCOMPARE(config.height, 384);
        QCOMPARE(config.width, 384);
        QVERIFY(config.resample == ResampleFilter::Bicubic);
        QCOMPARE(config.rescaleFactor, 1.0 / 255.0);
        QCOMPARE(config.imageMean, (std::array<double, 3>{0.48145466, 0.4578275, 0.40821073}));
        QCOMPARE(config.imageStd, (std::array<double, 3>{0.26862954, 0.26130258, 0.27577711}));
        QVERIFY(sameConfig(config, ImageProcessorConfig{}));
    }

    void configReadsBlip2AndRoundTrips() {
        // Salesforce/blip2-opt-2.7b's preprocessor_config.json, as published.
        const std::string text = R"({
          "do_convert_rgb": true, "do_normalize": true, "do_rescale": true, "do_resize": true,
          "image_mean": [0.48145466, 0.4578275, 0.40821073],
          "image_processor_type": "BlipImageProcessor",
          "image_std": [0.26862954, 0.26130258, 0.27577711],
          "processor_class": "Blip2Processor", "resample": 3,
          "rescale_factor": 0.00392156862745098, "size": {"height": 224, "width": 224}})";
        const ImageProcessorConfig config = ImageProcessorConfig::fromJson(text);
        QCOMPARE(config.height, 224);
        QCOMPARE(config.width, 224);
        QCOMPARE(config.rescaleFactor, 0.00392156862745098);
        const ImageProcessorConfig again = ImageProcessorConfig::fromJson(config.toJson());
        QVERIFY(sameConfig(config, again));
        QVERIFY(QString::fromStdString(config.toJson()).contains("\"height\": 224"));

        ImageProcessorConfig odd;
        odd.doResize = false;
        odd.height = 17;
        odd.width = 5;
        odd.resample = ResampleFilter::Lanczos;
        odd.rescaleFactor = 0.1;
        odd.imageMean = {0.1, 0.2, 0.30000000000000004};
        odd.imageStd = {1e-3, 2.5, 3};
        odd.doConvertRgb = false;
        QVERIFY(sameConfig(odd, ImageProcessorConfig::fromJson(odd.toJson())));
        // Legacy spellings: a square size as one number, one mean and std for all channels.
        const auto legacy =
            ImageProcessorConfig::fromJson(R"({"size": 96, "image_mean": 0.5, "image_std": null})");
        QCOMPARE(legacy.width, 96);
        QCOMPARE(legacy.height, 96);
        QCOMPARE(legacy.imageMean, (std::array<double, 3>{0.5, 0.5, 0.5}));
        QCOMPARE(legacy.imageStd, ImageProcessorConfig{}.imageStd);
    }

    void configFileIsRead() {
        QTemporaryDir dir;
        const QString file = dir.filePath("preprocessor_config.json");
        const std::string text = R"({"size": {"height": 32, "width": 48}})";
        ti::writeFile(file, ti::Bytes(text.begin(), text.end()));
        QCOMPARE(ImageProcessorConfig::fromFile(file.toStdString()).width, 48);
        try {
            ImageProcessorConfig::fromFile(dir.filePath("missing.json").toStdString());
            QFAIL("a missing file was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::File);
            QVERIFY(QString(e.what()).contains("missing.json"));
        }
    }

    void badConfigsAreRefused() {
        expectConfigError("{\"size\": ", ErrorKind::File,
                          {"preprocessor_config.json", "not valid JSON"});
        expectConfigError("[1, 2]", ErrorKind::File, {"JSON object"});
        expectConfigError(R"({"do_resize": "yes"})", ErrorKind::InvalidInput,
                          {"\"do_resize\"", "true or false"});
        expectConfigError(R"({"size": {"shortest_edge": 224}})", ErrorKind::InvalidInput,
                          {"\"size\"", "height"});
        expectConfigError(R"({"size": {"height": 0, "width": 8}})", ErrorKind::InvalidInput,
                          {"size.height", "between 1 and"});
        expectConfigError(R"({"size": {"height": 8.5, "width": 8}})", ErrorKind::InvalidInput,
                          {"size.height", "whole number"});
        expectConfigError(R"({"image_std": [0.2, 0, 0.2]})", ErrorKind::InvalidInput,
                          {"\"image_std\"", "positive"});
        expectConfigError(R"({"image_mean": [0.5, 0.5]})", ErrorKind::InvalidInput,
                          {"\"image_mean\"", "3 numbers"});
        expectConfigError(R"({"resample": 0})", ErrorKind::InvalidInput,
                          {"\"resample\"", "nearest"});
        expectConfigError(R"({"resample": 9})", ErrorKind::InvalidInput,
                          {"\"resample\"", "0 to 5"});
        expectConfigError(R"({"rescale_factor": "1/255"})", ErrorKind::InvalidInput,
                          {"\"rescale_factor\"", "number"});
        ImageProcessorConfig config;
        config.imageStd[1] = -1;
        QVERIFY_THROWS_EXCEPTION(Error, ImagePreprocessor{config});
    }
};

int runImagePreprocessorTests(int argc, char** argv) {
    TestImagePreprocessor test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestImagePreprocessor.moc"
