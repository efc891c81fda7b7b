#include "world/SceneRenderer.h"

#include "world/BackdropPainter.h"
#include "world/PrimitivePainter.h"
#include "world/Rng.h"

#include <unike/Error.h>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace unike::world {
namespace {

constexpr double kGlyphRadius = 0.4; // a glyph's frame spans 80% of the image before its pose
constexpr double kPi = 3.14159265358979323846;

} // namespace

SceneRenderer::SceneRenderer(const World& world, int imageSize)
    : world_(world)
    , size_(imageSize)
    , supersample_(imageSize <= 128   ? 4
                   : imageSize <= 256 ? 2
                                      : 1) {
    if (imageSize < 16 || imageSize > 1024)
        throw Error(ErrorKind::InvalidInput, "the world renders images of 16 to 1024 pixels, not " +
                                                 std::to_string(imageSize));
}

vision::RgbImage SceneRenderer::render(const Scene& scene) const {
    const auto& d = world_.definition();
    const int n = size_ * supersample_;
    cv::Mat canvas(n, n, CV_8UC3);
    if (scene.isEntityView()) {
        BackdropPainter::setting(canvas, d.settings.at(std::size_t(scene.setting)), scene);
        const Entity& entity = world_.entity(scene.entity);
        const double radius = kGlyphRadius * n * scene.poseScale;
        const cv::Point2d centre((0.5 + scene.poseX) * n, (0.5 + scene.poseY) * n);
        const double a = scene.poseAngle * kPi / 180, cosA = std::cos(a), sinA = std::sin(a);
        for (const GlyphPart& part : entity.glyph) {
            const double x = part.x * radius, y = part.y * radius;
            const cv::Point2d at(centre.x + x * cosA - y * sinA, centre.y + x * sinA + y * cosA);
            PrimitivePainter::paint(canvas, part.primitive, part.colour, at, part.w * radius,
                                    part.h * radius, part.angle + scene.poseAngle);
        }
    } else {
        BackdropPainter::plain(canvas, d.backgrounds.at(std::size_t(scene.background)), scene);
        for (const SceneObject& o : scene.objects) {
            Primitive primitive;
            parsePrimitive(d.shapes.at(std::size_t(o.shape)), primitive);
            const double half = o.extent * n / 2;
            PrimitivePainter::paint(canvas, primitive, d.colours.at(std::size_t(o.colour)).rgb,
                                    {o.cx * n, o.cy * n}, half, half, o.angle);
        }
    }
    cv::Mat small;
    if (supersample_ > 1)
        cv::resize(canvas, small, cv::Size(size_, size_), 0, 0, cv::INTER_AREA);
    else
        small = canvas;
    vision::RgbImage image(size_, size_);
    Rng noise(scene.noiseSeed);
    for (int y = 0; y < size_; ++y) {
        const std::uint8_t* row = small.ptr<std::uint8_t>(y);
        std::uint8_t* out = image.pixel(0, y);
        for (int i = 0; i < size_ * 3; ++i) {
            const int jitter = scene.noise > 0 ? noise.uniformInt(-scene.noise, scene.noise) : 0;
            out[i] = cv::saturate_cast<std::uint8_t>(row[i] + jitter);
        }
    }
    return image;
}

} // namespace unike::world
