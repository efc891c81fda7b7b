// Runs the world module's test classes in one executable, so one ctest entry covers the module.

#include <QCoreApplication>

int runWorldTests(int argc, char** argv);
int runRenderingTests(int argc, char** argv);
int runSampleGeneratorTests(int argc, char** argv);
int runBenchmarkTests(int argc, char** argv);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = runWorldTests(argc, argv);
    failures += runRenderingTests(argc, argv);
    failures += runSampleGeneratorTests(argc, argv);
    failures += runBenchmarkTests(argc, argv);
    return failures;
}
