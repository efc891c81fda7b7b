#pragma once
// Value types of `unike eval`: editing a benchmark's cases under a protocol and
// scoring them with METHOD.md §9's metrics.

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace unike {

struct EvalParams {
    std::string dataFolder;
    std::string task = "vqa";        // vqa, caption or cross
    std::string method = "unike";    // an editor, or "none" for the unedited model
    std::string protocol = "one-step"; // one-step or seq:K (cross: chunks of 10, 5 + 5)
    size_t limit = 0;                // 0: every case
    std::string hyperParamsJson;
    std::vector<std::pair<std::string, std::string>> overrides;
    std::string imageRoot;        // default: the data file's folder
    std::string rephraseImageRoot; // default: the data file's folder
};

struct EvalCase {
    size_t index = 0;
    std::string task;
    std::string src, alt;
    double reliability = 0, tGenerality = 0, mGenerality = 0, tLocality = 0, mLocality = 0;
    double trainerTLocality = 0, trainerMLocality = 0;
    bool generationMatch = false;
    std::string generated;
    double seconds = 0;
    int steps = 0;
};

struct EvalReport {
    // reliability, t_generality, m_generality, t_locality, m_locality (0-100), the
    // trainer-path localities, generation_exact_match, edits, mean/median seconds.
    std::map<std::string, double> metrics;
    std::map<std::string, std::string> labels; // method, task, protocol, data
    std::vector<EvalCase> cases;
    std::vector<std::string> problems; // records left out, with reasons

    std::string toJson() const;
    std::string casesCsv() const;
};

} // namespace unike
