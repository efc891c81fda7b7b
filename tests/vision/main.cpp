// Runs the decoder and the preprocessor test classes (BLIP and CLIP) in one executable, so that one
// ctest entry covers the whole vision module.

#include <QCoreApplication>

int runImageDecoderTests(int argc, char** argv);
int runImagePreprocessorTests(int argc, char** argv);
int runClipProcessorTests(int argc, char** argv);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = runImageDecoderTests(argc, argv);
    failures += runImagePreprocessorTests(argc, argv);
    failures += runClipProcessorTests(argc, argv);
    return failures;
}
