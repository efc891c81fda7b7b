#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Workbench.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace unike::cli {
namespace {

nlohmann::json tokenJson(const TokenProbability& token) {
    nlohmann::json alternatives = nlohmann::json::array();
    for (const TokenAlternative& alt : token.alternatives)
        alternatives.push_back(
            {{"id", alt.id}, {"text", alt.text}, {"probability", alt.probability}});
    return {{"id", token.id},
            {"text", token.text},
            {"probability", token.probability},
            {"top_k", alternatives}};
}

void printTokens(const std::vector<TokenProbability>& tokens) {
    for (const TokenProbability& token : tokens) {
        std::printf("  %-16s %6.2f%%   ", ("'" + token.text + "'").c_str(),
                    token.probability * 100);
        for (size_t i = 1; i < token.alternatives.size(); ++i)
            std::printf(" %s %.1f%%", ("'" + token.alternatives[i].text + "'").c_str(),
                        token.alternatives[i].probability * 100);
        std::printf("\n");
    }
}

} // namespace

int handleAsk(const ParsedArgs& args, CommandContext& context) {
    Workbench workbench;
    loadModelFromArgs(workbench, args);
    AskParams params;
    params.image.path = args.value("image");
    params.question = args.value("question");
    if (args.has("raw-prompt"))
        params.style = PromptStyle::Raw;
    params.generation.topK = args.intValue("top-k", 5);
    params.generation.maxNewTokens = args.intValue("max-new-tokens", 16);
    params.generation.numBeams = args.intValue("beams", 1);
    params.generation.useCache = !args.has("no-cache");
    if (args.has("score"))
        params.scoreAnswer = args.value("score");
    CliProgress progress(false);
    const AskResult result = workbench.ask(params, progress.progress());

    if (context.jsonOutput) {
        nlohmann::json out = {{"prompt", result.prompt},
                              {"answer", result.answer},
                              {"stopped_at_eos", result.stoppedAtEos},
                              {"seconds", result.seconds},
                              {"tokens", nlohmann::json::array()}};
        for (const TokenProbability& token : result.tokens)
            out["tokens"].push_back(tokenJson(token));
        if (result.score) {
            nlohmann::json tokens = nlohmann::json::array();
            for (const TokenProbability& token : result.score->tokens)
                tokens.push_back(tokenJson(token));
            out["score"] = {{"answer", result.score->answer},
                            {"token_accuracy", result.score->tokenAccuracy},
                            {"log_likelihood", result.score->logLikelihood},
                            {"argmax_tokens", result.score->argmaxTokens},
                            {"tokens", tokens}};
        }
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    std::cout << "Answer: " << result.answer << '\n';
    std::cout << "Tokens (probability, then the top alternatives):\n";
    printTokens(result.tokens);
    if (result.score) {
        std::printf("Score of '%s': token accuracy %.1f%%, log-likelihood %.3f\n",
                    result.score->answer.c_str(), result.score->tokenAccuracy * 100,
                    result.score->logLikelihood);
        printTokens(result.score->tokens);
    }
    return 0;
}

} // namespace unike::cli
