// Probe suites for the Studio's check views.
#include "data/MmeditDataset.h"
#include "world/QuestionBank.h"
#include "world/World.h"

#include <unike/DemoWorld.h>
#include <unike/Error.h>
#include <unike/Probes.h>

#include <filesystem>
#include <set>

namespace unike {

std::string Probe::metric() const {
    if (kind == "t-locality")
        return "T-Locality";
    if (kind == "m-locality")
        return "M-Locality";
    if (kind == "rephrase")
        return "T-Generality";
    if (kind == "image-rephrase")
        return "M-Generality";
    if (kind == "edit")
        return "Reliability";
    return kind;
}

std::vector<Probe> localityProbes(const std::string& dataFolder, const std::string& task,
                                  size_t limit) {
    data::MmeditLoadOptions options;
    if (task == "vqa")
        options.task = data::MmeditTask::Vqa;
    else if (task == "caption")
        options.task = data::MmeditTask::Caption;
    else
        throw Error(ErrorKind::InvalidInput, "the task must be vqa or caption, not '" + task + "'");
    options.limit = limit;
    const data::MmeditLoadResult loaded =
        data::loadMmeditFile(data::findMmeditFile(dataFolder, options.task, "eval"), options);
    std::vector<Probe> probes;
    for (const data::MmeditRecord& r : loaded.records) {
        Probe text;
        text.kind = "t-locality";
        text.question = r.loc;
        text.style = PromptStyle::Raw; // EasyEdit feeds loc as written ("nq question: ...")
        text.expected = r.locAns;
        probes.push_back(text);
        Probe image;
        image.kind = "m-locality";
        image.image.path = r.mLocPath;
        image.question = r.mLocQ;
        image.expected = r.mLocA;
        probes.push_back(image);
    }
    return probes;
}

std::vector<std::string> suggestRephrasings(const std::string& question) {
    // Match the question against every frame of the demo world's question types;
    // a match fixes the subject, and the type's other frames rephrase it.
    static const std::vector<world::QuestionType> types = [] {
        try {
            return world::QuestionBank(world::World::load(worldFileOf())).types();
        } catch (const Error&) {
            return std::vector<world::QuestionType>(); // no demo world: no suggestions
        }
    }();
    std::set<std::string> seen{question};
    std::vector<std::string> out;
    for (const world::QuestionType& type : types)
        for (const std::string& frame : type.frames) {
            const size_t slot = frame.find("{s}");
            if (slot == std::string::npos)
                continue;
            const std::string head = frame.substr(0, slot), tail = frame.substr(slot + 3);
            if (question.size() <= head.size() + tail.size() ||
                question.compare(0, head.size(), head) != 0 ||
                question.compare(question.size() - tail.size(), tail.size(), tail) != 0)
                continue;
            const std::string subject =
                question.substr(head.size(), question.size() - head.size() - tail.size());
            for (const std::string& other : type.frames) {
                std::string text = other;
                const size_t at = text.find("{s}");
                if (at == std::string::npos)
                    continue;
                text.replace(at, 3, subject);
                if (seen.insert(text).second)
                    out.push_back(text);
            }
        }
    return out;
}

} // namespace unike
