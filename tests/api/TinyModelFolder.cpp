#include "TinyModelFolder.h"

#include "../model/TinyConfig.h"
#include "../model/TinyLlava.h"
#include "model/blip2/Blip2Files.h"
#include "model/llava/LlavaModel.h"
#include "text/BpeTrainer.h"
#include "vision/ImageProcessorConfig.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>

namespace unike::test {

int writeTinyModelFolder(const std::string& folder, const std::string& imagePath) {
    std::filesystem::create_directories(folder);
    text::BpeTrainer trainer({300, 1});
    trainer.feed({"Question: what colour is the circle? Short answer: red",
                  "Question: how many squares are there? Short answer: two",
                  "a photo of a small blue square", "nq question: where does the zorbel live?"});
    const text::BpeTokenizer tokenizer = trainer.train();
    tokenizer.save(folder);

    auto config = tinyConfig(true);
    config.initializerRange = 0.2;
    config.text.vocabSize = int64_t(tokenizer.vocabSize());
    config.text.maxPositionEmbeddings = 256; // room for in-context facts
    auto model = model::Blip2Model::createRandom(config, 99);
    model::saveBlip2(*model, folder);

    vision::ImageProcessorConfig processor;
    processor.height = processor.width = int(config.vision.imageSize);
    std::ofstream(std::filesystem::path(folder) / "preprocessor_config.json") << processor.toJson();

    if (!imagePath.empty()) {
        cv::Mat image(30, 40, CV_8UC3, cv::Scalar(40, 200, 90));
        cv::circle(image, {20, 15}, 10, cv::Scalar(0, 0, 255), -1);
        cv::imwrite(imagePath, image);
    }
    return int(tokenizer.vocabSize());
}

void writeTinyLlavaFolder(const std::string& folder, const std::string& imagePath) {
    namespace fs = std::filesystem;
    fs::create_directories(folder);
    const fs::path tokenizer = fs::path(UNIKE_SOURCE_DIR) / "tests/text/fixtures/llama/metaspace";
    for (const char* file : {"tokenizer.json", "tokenizer_config.json"})
        fs::copy_file(tokenizer / file, fs::path(folder) / file,
                      fs::copy_options::overwrite_existing);

    io::LlavaConfig config = tinyLlavaConfig();
    config.text.vocabSize = 1008; // the fixture's 1000 pieces and <image> (1000)
    config.imageTokenIndex = 1000;
    config.text.maxPositionEmbeddings = 512; // room for in-context facts
    model::saveModel(*model::LlavaModel::createRandom(config, 7), folder);

    std::ofstream(fs::path(folder) / "preprocessor_config.json") << R"({
  "image_processor_type": "CLIPImageProcessor",
  "size": {"shortest_edge": 16},
  "crop_size": {"height": 16, "width": 16}
})";
    if (!imagePath.empty()) {
        cv::Mat image(30, 40, CV_8UC3, cv::Scalar(40, 200, 90));
        cv::circle(image, {20, 15}, 10, cv::Scalar(0, 0, 255), -1);
        cv::imwrite(imagePath, image);
    }
}

} // namespace unike::test
