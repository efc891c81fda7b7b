#include "TestImages.h"
#include "vision/ImageDecoder.h"

#include <unike/Error.h>

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <functional>

using unike::Error;
using unike::ErrorKind;
using unike::vision::ImageDecoder;
using unike::vision::ImageLimits;
using unike::vision::RgbImage;
namespace ti = testimages;

namespace {

int maxDifference(const RgbImage& a, const RgbImage& b) {
    if (a.width != b.width || a.height != b.height)
        return 256;
    int worst = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        worst = std::max(worst, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
    return worst;
}

// Runs `action`, which must throw unike::Error of `kind` whose message holds every fragment.
void expectError(const std::function<void()>& action, ErrorKind kind,
                 const QStringList& fragments) {
    try {
        action();
    } catch (const Error& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(e.kind() == kind, qPrintable("wrong kind for: " + message));
        for (const QString& fragment : fragments)
            QVERIFY2(message.contains(fragment, Qt::CaseInsensitive),
                     qPrintable("'" + fragment + "' missing from: " + message));
        return;
    }
    QFAIL("expected a unike::Error");
}

std::array<std::uint8_t, 3> rgbAt(const RgbImage& image, int x, int y) {
    const std::uint8_t* p = image.pixel(x, y);
    return {p[0], p[1], p[2]};
}

} // namespace

class TestImageDecoder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void losslessFormatsDecodeToTheSamePixels() {
        const RgbImage original = ti::pattern(41, 29);
        const cv::Mat bgr = ti::toBgr(original);
        const ImageDecoder decoder;
        const std::vector<std::pair<std::string, std::vector<int>>> formats = {
            {".png", {}}, {".bmp", {}}, {".webp", {cv::IMWRITE_WEBP_QUALITY, 101}}};
        for (const auto& [extension, params] : formats) {
            const ti::Bytes bytes = ti::encode(bgr, extension, params);
            const RgbImage fromBytes = decoder.decodeBytes(bytes, "the pasted image");
            QCOMPARE(fromBytes.width, 41);
            QCOMPARE(fromBytes.height, 29);
            QVERIFY2(fromBytes.pixels == original.pixels, extension.c_str());
            const QString file = path("lossless" + QString::fromStdString(extension));
            ti::writeFile(file, bytes);
            QVERIFY(decoder.decodeFile(file.toStdString()).pixels == original.pixels);
        }
    }

    void jpegDecodesWithinTolerance() {
        // A smooth image: JPEG's error on it is small and stable.
        RgbImage original(64, 48);
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x) {
                std::uint8_t* p = original.pixel(x, y);
                p[0] = std::uint8_t(x * 4);
                p[1] = std::uint8_t(y * 5);
                p[2] = std::uint8_t(200 - x - y);
            }
        const ti::Bytes jpeg =
            ti::encode(ti::toBgr(original), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 100});
        const RgbImage decoded = ImageDecoder().decodeBytes(jpeg);
        QVERIFY2(maxDifference(decoded, original) <= 6,
                 qPrintable(QString::number(maxDifference(decoded, original))));
        // And the same pixels as OpenCV's own BGR decode, channel order swapped.
        const RgbImage reference = ti::fromBgr(cv::imdecode(jpeg, cv::IMREAD_COLOR));
        QCOMPARE(maxDifference(decoded, reference), 0);
        // Progressive scans and restart markers must not look like a cut-short file.
        for (const auto& params : std::vector<std::vector<int>>{
                 {cv::IMWRITE_JPEG_PROGRESSIVE, 1}, {cv::IMWRITE_JPEG_RST_INTERVAL, 2}}) {
            const ti::Bytes variant = ti::encode(ti::toBgr(original), ".jpg", params);
            const RgbImage expected = ti::fromBgr(cv::imdecode(variant, cv::IMREAD_COLOR));
            QCOMPARE(maxDifference(ImageDecoder().decodeBytes(variant), expected), 0);
        }
    }

    void greyBecomesRgb() {
        cv::Mat grey(5, 7, CV_8UC1);
        for (int i = 0; i < 35; ++i)
            grey.data[i] = std::uint8_t(i * 7);
        const RgbImage image = ImageDecoder().decodeBytes(ti::encode(grey, ".png"));
        QCOMPARE(image.width, 7);
        for (int i = 0; i < 35; ++i)
            for (int c = 0; c < 3; ++c)
                QCOMPARE(int(image.pixels[i * 3 + c]), i * 7);
    }

    void greyAlphaDropsAlphaLikePil() {
        // PIL's convert("RGB") of an LA image copies L and discards A, even when A is 0.
        const ti::Bytes png = ti::buildPng(2, 1, 8, 4, {10, 0, 200, 128});
        const RgbImage image = ImageDecoder().decodeBytes(png);
        QCOMPARE(image.pixels, (std::vector<std::uint8_t>{10, 10, 10, 200, 200, 200}));
    }

    void rgbaDropsAlphaWithoutCompositing() {
        cv::Mat bgra(1, 3, CV_8UC4);
        bgra.at<cv::Vec4b>(0, 0) = {30, 20, 10, 0}; // fully transparent: colour kept
        bgra.at<cv::Vec4b>(0, 1) = {60, 50, 40, 128};
        bgra.at<cv::Vec4b>(0, 2) = {90, 80, 70, 255};
        const RgbImage image = ImageDecoder().decodeBytes(ti::encode(bgra, ".png"));
        QCOMPARE(image.pixels, (std::vector<std::uint8_t>{10, 20, 30, 40, 50, 60, 70, 80, 90}));
        // WebP the same way; libwebp's encoder zeroes fully transparent pixels, so alpha 1.
        bgra.at<cv::Vec4b>(0, 0)[3] = 1;
        const RgbImage webp =
            ImageDecoder().decodeBytes(ti::encode(bgra, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}));
        QCOMPARE(webp.pixels, image.pixels);
    }

    void sixteenBitKeepsTheHighByteLikePil() {
        // Pillow 9.4 opens 16-bit RGB PNGs keeping each sample's high byte; these are its
        // outputs for these inputs.
        const std::vector<std::uint16_t> in = {0,     255,   256,   1000, 30000,
                                               65535, 32767, 32768, 65280};
        const std::vector<std::uint8_t> expected = {0, 0, 1, 3, 117, 255, 127, 128, 255};
        cv::Mat rgb16(1, int(in.size()), CV_16UC3);
        for (std::size_t i = 0; i < in.size(); ++i)
            rgb16.at<cv::Vec3w>(0, int(i)) = {in[i], in[i], in[i]};
        const RgbImage colour = ImageDecoder().decodeBytes(ti::encode(rgb16, ".png"));
        // Grey 16-bit the same way (Pillow would clip it to 255 instead: see ImageDecoder.cpp).
        ti::Bytes rows;
        for (std::uint16_t v : in)
            rows.insert(rows.end(), {std::uint8_t(v >> 8), std::uint8_t(v & 0xFF)});
        const RgbImage grey =
            ImageDecoder().decodeBytes(ti::buildPng(std::uint32_t(in.size()), 1, 16, 0, rows));
        for (std::size_t i = 0; i < in.size(); ++i)
            for (int c = 0; c < 3; ++c) {
                QCOMPARE(colour.pixels[i * 3 + c], expected[i]);
                QCOMPARE(grey.pixels[i * 3 + c], expected[i]);
            }
    }

    void exifOrientationTurnsTheImageUpright() {
        // Quadrants red | green over blue | white; expected corners (TL, TR, BL, BR) for each
        // orientation come from PIL's ImageOps.exif_transpose on the same picture.
        RgbImage quadrants(32, 16);
        const std::array<std::uint8_t, 3> red{255, 0, 0}, green{0, 255, 0}, blue{0, 0, 255},
            white{255, 255, 255};
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 32; ++x) {
                const auto& colour = y < 8 ? (x < 16 ? red : green) : (x < 16 ? blue : white);
                std::copy(colour.begin(), colour.end(), quadrants.pixel(x, y));
            }
        const QStringList corners = {"RGBW", "GRWB", "WBGR", "BWRG",
                                     "RBGW", "BRWG", "WGBR", "GWRB"};
        auto name = [&](const std::array<std::uint8_t, 3>& p) {
            auto near = [&](const std::array<std::uint8_t, 3>& q) {
                return std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) < 60;
            };
            return near(red) ? 'R' : near(green) ? 'G' : near(blue) ? 'B' : near(white) ? 'W' : '?';
        };
        const ti::Bytes jpeg =
            ti::encode(ti::toBgr(quadrants), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
        for (int orientation = 1; orientation <= 8; ++orientation) {
            const ti::Bytes tagged =
                ti::withExifApp1(jpeg, ti::exifTiff(orientation, orientation % 2 == 0));
            const RgbImage image = ImageDecoder().decodeBytes(tagged);
            const bool swapped = orientation >= 5;
            QCOMPARE(image.width, swapped ? 16 : 32);
            QCOMPARE(image.height, swapped ? 32 : 16);
            const int w = image.width - 1, h = image.height - 1;
            const QString seen = QString(name(rgbAt(image, 0, 0))) + name(rgbAt(image, w, 0)) +
                                 name(rgbAt(image, 0, h)) + name(rgbAt(image, w, h));
            QCOMPARE(seen, corners[orientation - 1]);
        }
        // PNG keeps EXIF in an eXIf chunk.
        ti::Bytes rows;
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 32; ++x)
                rows.insert(rows.end(), quadrants.pixel(x, y), quadrants.pixel(x, y) + 3);
        const RgbImage png =
            ImageDecoder().decodeBytes(ti::buildPng(32, 16, 8, 2, rows, ti::exifTiff(6, true)));
        QCOMPARE(png.width, 16);
        QCOMPARE(QString(name(rgbAt(png, 0, 0))) + name(rgbAt(png, 15, 31)), QString("BG"));
    }

    void extremeAspectRatiosWithinLimitsDecode() {
        for (const auto& size : {cv::Size(1, 4000), cv::Size(4000, 1)}) {
            const cv::Mat thin(size, CV_8UC3, cv::Scalar(1, 2, 3));
            const RgbImage image = ImageDecoder().decodeBytes(ti::encode(thin, ".png"));
            QCOMPARE(image.width, size.width);
            QCOMPARE(image.height, size.height);
            QCOMPARE(int(image.pixels.back()), 1);
        }
    }

    void missingEmptyAndFolderAreRefused() {
        const ImageDecoder decoder;
        const std::string missing = path("nowhere.png").toStdString();
        expectError([&] { decoder.decodeFile(missing); }, ErrorKind::File,
                    {"nowhere.png", "no such file"});
        expectError([&] { decoder.decodeFile(dir_.path().toStdString()); }, ErrorKind::File,
                    {"is a folder"});
        ti::writeFile(path("empty.jpg"), {});
        expectError([&] { decoder.decodeFile(path("empty.jpg").toStdString()); }, ErrorKind::File,
                    {"empty.jpg", "is empty"});
        expectError([&] { decoder.decodeBytes(ti::Bytes{}, "the pasted image"); }, ErrorKind::File,
                    {"The pasted image is empty"});
    }

    void unknownFormatsAreRefusedByName() {
        const ImageDecoder decoder;
        ti::writeFile(path("anim.gif"), {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0});
        expectError([&] { decoder.decodeFile(path("anim.gif").toStdString()); }, ErrorKind::File,
                    {"anim.gif", "is a GIF file", "PNG, JPEG, BMP and WebP", "Convert"});
        const std::string text = "just some text, not a picture";
        expectError([&] { decoder.decodeBytes(ti::Bytes(text.begin(), text.end()), "x"); },
                    ErrorKind::File, {"is a text file, not an image"});
        const ti::Bytes noise = {0x01, 0x02, 0xfe, 0x00, 0x11, 0x7f, 0x80, 0x90};
        expectError([&] { decoder.decodeBytes(noise, "y"); }, ErrorKind::File,
                    {"is not an image this program reads"});
        // A TIFF OpenCV could decode is still refused: its size cannot be checked first.
        const ti::Bytes tiff = ti::encode(cv::Mat(4, 4, CV_8UC3, cv::Scalar::all(9)), ".tiff");
        expectError([&] { decoder.decodeBytes(tiff); }, ErrorKind::File, {"is a TIFF file"});
    }

    void truncatedFilesAreRefused() {
        const cv::Mat bgr = ti::toBgr(ti::pattern(64, 48));
        const ImageDecoder decoder;
        const std::vector<std::pair<std::string, std::vector<int>>> formats = {
            {".png", {}},
            {".jpg", {cv::IMWRITE_JPEG_QUALITY, 90}},
            {".bmp", {}},
            {".webp", {cv::IMWRITE_WEBP_QUALITY, 101}},
            {".webp", {cv::IMWRITE_WEBP_QUALITY, 80}}};
        for (const auto& [extension, params] : formats) {
            ti::Bytes bytes = ti::encode(bgr, extension, params);
            bytes.resize(bytes.size() * 6 / 10);
            const QString file = path("cut" + QString::fromStdString(extension));
            ti::writeFile(file, bytes);
            expectError([&] { decoder.decodeFile(file.toStdString()); }, ErrorKind::File,
                        {"cut" + QString::fromStdString(extension), "cut short", "again"});
        }
        // Cut inside the header: too short even to give the size.
        ti::Bytes png = ti::encode(bgr, ".png");
        png.resize(20);
        expectError([&] { decoder.decodeBytes(png); }, ErrorKind::File,
                    {"not a readable PNG", "IHDR"});
    }

    void corruptDataIsRefused() {
        const ImageDecoder decoder;
        // Complete structure, scrambled compressed pixels: only decoding can tell.
        ti::Bytes png = ti::encode(ti::toBgr(ti::pattern(64, 48)), ".png");
        for (std::size_t i = 60; i < png.size() - 40; i += 7)
            png[i] = std::uint8_t(png[i] ^ 0x5A);
        expectError([&] { decoder.decodeBytes(png, "the dropped file"); }, ErrorKind::File,
                    {"The dropped file", "64 x 48", "cannot be decoded", "damaged"});
        // A JPEG whose first segment has an impossible length.
        ti::Bytes jpeg = ti::encode(ti::toBgr(ti::pattern(16, 16)), ".jpg");
        jpeg[4] = 0;
        jpeg[5] = 1;
        expectError([&] { decoder.decodeBytes(jpeg); }, ErrorKind::File,
                    {"not a readable JPEG", "impossible length"});
        // Zero pixels wide, per its header.
        expectError([&] { decoder.decodeBytes(ti::buildPng(0, 5, 8, 2, {})); }, ErrorKind::File,
                    {"0 x 5", "no picture"});
    }

    void oversizedImagesAreRefusedBeforeDecoding() {
        // A 100000 x 100000 header on a tiny file: refused from the header alone.
        ti::Bytes bomb = ti::buildPng(1, 1, 8, 2, {0, 0, 0});
        bomb[16] = 0x00, bomb[17] = 0x01, bomb[18] = 0x86, bomb[19] = 0xA0; // width 100000
        bomb[20] = 0x00, bomb[21] = 0x01, bomb[22] = 0x86, bomb[23] = 0xA0; // height 100000
        ti::writeFile(path("bomb.png"), bomb);
        expectError([&] { ImageDecoder().decodeFile(path("bomb.png").toStdString()); },
                    ErrorKind::InvalidInput,
                    {"bomb.png", "100000 x 100000", "40.0 megapixels limit", "Scale it down"});

        // A complete 5000 x 5000 PNG (75 MB of pixels in a small file) under a 1 MP limit,
        // and the same with its pixel data scrambled: both must get the size refusal, which
        // only happens if the header is checked before anything is decoded.
        ti::Bytes zeros(std::size_t(5000) * 5000 * 3, 0);
        const ti::Bytes big = ti::buildPng(5000, 5000, 8, 2, zeros);
        QVERIFY(big.size() < 200'000);
        ti::Bytes scrambled = big;
        for (std::size_t i = 60; i < scrambled.size() - 20; i += 3)
            scrambled[i] = std::uint8_t(scrambled[i] ^ 0xA5);
        ImageLimits limits;
        limits.maxPixels = 1'000'000;
        for (const ti::Bytes* bytes : std::vector<const ti::Bytes*>{&big, &scrambled})
            expectError([&] { ImageDecoder(limits).decodeBytes(*bytes); }, ErrorKind::InvalidInput,
                        {"5000 x 5000", "25.0 megapixels", "1.0 megapixels"});
        limits.maxPixels = 30'000'000;
        expectError([&] { ImageDecoder(limits).decodeBytes(scrambled); }, ErrorKind::File,
                    {"cannot be decoded"});

        // The same picture and every other format are fine under a larger limit.
        limits.maxPixels = 30'000'000;
        QCOMPARE(ImageDecoder(limits).decodeBytes(big).width, 5000);
        // Each header parser gives the size: PNG, JPEG, BMP, lossy WebP (VP8), lossless
        // WebP (VP8L) and WebP with alpha (VP8X).
        limits.maxPixels = 100;
        const cv::Mat small(10, 11, CV_8UC3, cv::Scalar(1, 2, 3));
        const cv::Mat smallAlpha(10, 11, CV_8UC4, cv::Scalar(1, 2, 3, 4));
        const std::vector<ti::Bytes> encoded = {
            ti::encode(small, ".png"),
            ti::encode(small, ".jpg"),
            ti::encode(small, ".bmp"),
            ti::encode(small, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80}),
            ti::encode(small, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}),
            ti::encode(smallAlpha, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80})};
        for (const ti::Bytes& bytes : encoded) {
            expectError([&] { ImageDecoder(limits).decodeBytes(bytes); }, ErrorKind::InvalidInput,
                        {"11 x 10"});
            QCOMPARE(ImageDecoder().decodeBytes(bytes).width, 11);
        }

        // Within the pixel budget but wider than OpenCV can decode.
        ti::Bytes wide = ti::buildPng(1, 1, 8, 2, {0, 0, 0});
        wide[16] = 0x00, wide[17] = 0x1E, wide[18] = 0x84, wide[19] = 0x80; // 2000000
        expectError([&] { ImageDecoder().decodeBytes(wide); }, ErrorKind::InvalidInput,
                    {"2000000 x 1", "pixels a side"});
    }

    void oversizedFilesAreRefused() {
        ImageLimits limits;
        limits.maxFileBytes = 100;
        ti::writeFile(path("large.bmp"), ti::encode(cv::Mat(20, 20, CV_8UC3), ".bmp"));
        expectError([&] { ImageDecoder(limits).decodeFile(path("large.bmp").toStdString()); },
                    ErrorKind::InvalidInput, {"large.bmp", "over the", "limit"});
    }
};

int runImageDecoderTests(int argc, char** argv) {
    TestImageDecoder test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestImageDecoder.moc"
