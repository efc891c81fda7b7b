#include "Handlers.h"

#include <unike/Error.h>
#include <unike/Resources.h>
#include <unike/Tokenizer.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace unike::cli {

int handleTokenize(const ParsedArgs& args, CommandContext& context) {
    const std::string folder = args.has("model") ? args.value("model") : demoModelFolder();
    const Tokenizer tokenizer = Tokenizer::load(folder);
    const bool special = !args.has("no-special");

    std::vector<std::string> lines = args.positionals();
    if (args.has("file")) {
        std::ifstream in(args.value("file"), std::ios::binary);
        if (!in)
            throw Error(ErrorKind::File, "cannot read '" + args.value("file") + "'");
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
    } else if (lines.empty()) {
        for (std::string line; std::getline(std::cin, line);)
            lines.push_back(line);
    }
    nlohmann::json all = nlohmann::json::array();
    for (const std::string& line : lines) {
        const std::vector<int> ids = tokenizer.encode(line, special);
        if (context.jsonOutput) {
            nlohmann::json tokens = nlohmann::json::array();
            for (int id : ids)
                tokens.push_back(tokenizer.tokenText(id));
            all.push_back({{"text", line}, {"ids", ids}, {"tokens", tokens}});
            continue;
        }
        for (size_t i = 0; i < ids.size(); ++i)
            std::cout << (i ? " " : "") << ids[i];
        std::cout << '\n';
    }
    if (context.jsonOutput)
        std::cout << all.dump(2) << '\n';
    return 0;
}

} // namespace unike::cli
