#include "Command.h"

#include <string>
#include <vector>

int main(int argc, char** argv) {
    return unike::cli::runCli(std::vector<std::string>(argv + 1, argv + argc));
}
