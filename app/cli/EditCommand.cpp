#include "CliSupport.h"
#include "Handlers.h"

#include <unike/Error.h>
#include <unike/Workbench.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace unike::cli {
namespace {

struct Probe {
    std::string label;
    ImageInput image;
    std::string question;
    PromptStyle style = PromptStyle::Vqa;
};

std::vector<EditParams> editsFromArgs(const ParsedArgs& args) {
    std::vector<EditParams> edits;
    if (args.has("edits")) {
        std::ifstream in(args.value("edits"));
        if (!in)
            throw Error(ErrorKind::File, "cannot read '" + args.value("edits") + "'");
        std::stringstream text;
        text << in.rdbuf();
        nlohmann::json list;
        try { // even without exceptions, nlohmann throws for a number it cannot hold
            list = nlohmann::json::parse(text.str(), nullptr, false);
        } catch (const nlohmann::json::exception&) {
            list = nlohmann::json(nlohmann::json::value_t::discarded);
        }
        if (list.is_discarded() || !list.is_array())
            throw Error(ErrorKind::File, args.value("edits") +
                                             " must hold a JSON list of edits, each with "
                                             "\"question\", \"target\" and optionally \"image\", "
                                             "\"rephrase\" and \"method\"");
        for (size_t i = 0; i < list.size(); ++i) {
            const nlohmann::json& item = list[i];
            if (!item.is_object() || !item.contains("question") || !item.contains("target"))
                throw Error(ErrorKind::File, args.value("edits") + ": edit " + std::to_string(i) +
                                                 " needs \"question\" and \"target\"");
            EditParams edit;
            edit.question = item.value("question", "");
            edit.target = item.value("target", "");
            edit.image.path = item.value("image", "");
            edit.method = item.value("method", args.value("method", "unike"));
            if (item.contains("rephrase"))
                edit.rephrasings =
                    item["rephrase"].is_array()
                        ? item["rephrase"].get<std::vector<std::string>>()
                        : std::vector<std::string>{item["rephrase"].get<std::string>()};
            edits.push_back(std::move(edit));
        }
    } else {
        if (!args.has("question") || !args.has("target"))
            throw UsageError("give --question and --target (and --image), or --edits FILE");
        EditParams edit;
        edit.image.path = args.value("image");
        edit.question = args.value("question");
        edit.target = args.value("target");
        edit.rephrasings = args.values("rephrase");
        edit.method = args.value("method", "unike");
        edits.push_back(std::move(edit));
    }
    std::string hyper;
    if (args.has("hparams")) {
        std::ifstream in(args.value("hparams"));
        if (!in)
            throw Error(ErrorKind::File, "cannot read '" + args.value("hparams") + "'");
        std::stringstream text;
        text << in.rdbuf();
        hyper = text.str();
    }
    for (EditParams& edit : edits) {
        edit.hyperParamsJson = hyper;
        for (const std::string& pair : args.values("set")) {
            const auto eq = pair.find('=');
            if (eq == std::string::npos)
                throw UsageError("--set expects KEY=VALUE, got '" + pair + "'");
            edit.overrides.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
        }
    }
    return edits;
}

std::string answer(const Workbench& workbench, const Probe& probe) {
    AskParams ask;
    ask.image = probe.image;
    ask.question = probe.question;
    ask.style = probe.style;
    ask.generation.topK = 0;
    return workbench.ask(ask).answer;
}

} // namespace

int handleEdit(const ParsedArgs& args, CommandContext& context) {
    const std::vector<EditParams> edits = editsFromArgs(args);
    Workbench workbench;
    loadModelFromArgs(workbench, args);

    std::vector<Probe> probes;
    for (const EditParams& edit : edits) {
        probes.push_back({"edit", edit.image, edit.question});
        for (const std::string& rephrase : edit.rephrasings)
            probes.push_back({"rephrase", edit.image, rephrase});
    }
    for (const std::string& loc : args.values("loc"))
        probes.push_back({"locality", {}, loc, PromptStyle::Raw});
    std::vector<std::string> before;
    for (const Probe& probe : probes)
        before.push_back(answer(workbench, probe));

    nlohmann::json applied = nlohmann::json::array();
    for (const EditParams& edit : edits) {
        CliProgress progress(showProgress(args));
        const EditSummary summary = workbench.applyEdit(edit, progress.progress());
        progress.finish();
        applied.push_back({{"id", summary.id},
                           {"method", summary.method},
                           {"steps", summary.steps},
                           {"seconds", summary.seconds},
                           {"target", summary.target}});
        if (!context.jsonOutput)
            std::printf("applied edit #%d (%s) in %d steps, %.2f s\n", summary.id,
                        summary.method.c_str(), summary.steps, summary.seconds);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < probes.size(); ++i) {
        const std::string after = answer(workbench, probes[i]);
        rows.push_back({{"kind", probes[i].label},
                        {"question", probes[i].question},
                        {"before", before[i]},
                        {"after", after}});
        if (!context.jsonOutput)
            std::printf("%-9s %-48s %-16s -> %s\n", probes[i].label.c_str(),
                        probes[i].question.substr(0, 48).c_str(), before[i].c_str(), after.c_str());
    }
    nlohmann::json out{{"edits", applied}, {"probes", rows}};
    if (args.has("save")) {
        const SessionInfo saved = workbench.saveSession({args.value("save"), {}});
        out["session"] = saved.path;
        if (!context.jsonOutput)
            std::printf("saved %d edit(s) to %s\n", saved.edits, saved.path.c_str());
    }
    if (context.jsonOutput)
        std::cout << out.dump(2) << '\n';
    return 0;
}

} // namespace unike::cli
