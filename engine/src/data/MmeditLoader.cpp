// loadMmeditFile: file-level faults throw, record-level faults become RecordProblems.

#include "data/MmeditDataset.h"
#include "data/MmeditFields.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace unike::data {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string readFile(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status))
        throw Error(ErrorKind::File, "the MMEdit data file " + path.string() +
                                         " does not exist; check the path or the data folder");
    if (fs::is_directory(status))
        throw Error(ErrorKind::File,
                    path.string() + " is a folder; give the JSON file inside it (for "
                                    "example vqa/vqa_eval.json) or use the data folder option");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (in)
        content << in.rdbuf();
    if (!in)
        throw Error(ErrorKind::File, "cannot read " + path.string() + "; check its permissions");
    return content.str();
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: " prefix,
// which we replace with our own position.
std::string parseReason(const std::string& what) {
    const size_t at = what.find("parse error");
    const size_t colon = at == std::string::npos ? at : what.find(": ", at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

json parseJson(const std::string& text, const fs::path& path) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        const size_t end = std::min(e.byte == 0 ? size_t(0) : e.byte - 1, text.size());
        size_t line = 1, lineStart = 0;
        for (size_t i = 0; i < end; ++i)
            if (text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        const size_t column = end - lineStart + 1;
        throw Error(ErrorKind::File, path.string() + " is not valid JSON at line " +
                                         std::to_string(line) + ", column " +
                                         std::to_string(column) + ": " + parseReason(e.what()) +
                                         ". Fix the file there or download it again");
    } catch (const json::exception& e) { // a number too large to hold
        throw Error(ErrorKind::File, path.string() +
                                         " is not valid JSON: " + parseReason(e.what()) +
                                         ". Fix the file there or download it again");
    }
}

fs::path rootOrDefault(const std::string& given, const fs::path& dataFolder, const char* what,
                       bool mustExist) {
    if (given.empty())
        return dataFolder;
    const fs::path root = fs::absolute(given).lexically_normal();
    std::error_code ec;
    if (mustExist && !fs::is_directory(root, ec))
        throw Error(ErrorKind::File, std::string("the ") + what + " " + root.string() +
                                         " is not a folder; check the path, or leave it empty "
                                         "to use the data file's folder");
    return root;
}

std::string missingImageReason(const fs::path& file) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (fs::is_directory(status))
        return "names " + file.string() + ", which is a folder, not an image file";
    return "names " + file.string() + ", which does not exist";
}

// Whether `file` (normalised) lies inside `folder`, by its path alone.
bool isInside(const fs::path& file, const fs::path& folder) {
    const fs::path relative = file.lexically_relative(folder.lexically_normal());
    return !relative.empty() && *relative.begin() != ".." && relative.is_relative();
}

class EntryReader {
public:
    EntryReader(const MmeditLoadOptions& options, fs::path imageRoot, fs::path rephraseRoot,
                std::vector<RecordProblem>& problems)
        : options_(options)
        , imageRoot_(std::move(imageRoot))
        , rephraseRoot_(std::move(rephraseRoot))
        , problems_(problems) {}

    // Fills `record` from entry `index`; false when the entry has a problem (listed).
    bool read(const json& entry, size_t index, MmeditRecord& record) {
        const size_t before = problems_.size();
        if (!entry.is_object()) {
            add(index, "", std::string("is ") + article(entry) + ", not an object of MMEdit keys");
            return false;
        }
        for (const MmeditField& field : mmeditFields())
            readField(entry, index, field, record);
        return problems_.size() == before;
    }

private:
    static std::string article(const json& value) {
        if (value.is_null())
            return "null";
        const std::string type = value.type_name();
        return (type == "array" || type == "object" ? "an " : "a ") + type;
    }

    void add(size_t index, const std::string& field, std::string reason) {
        problems_.push_back({index, field, std::move(reason)});
    }

    void readField(const json& entry, size_t index, const MmeditField& field,
                   MmeditRecord& record) {
        const auto it = entry.find(field.key);
        if (it == entry.end()) {
            add(index, field.key, "is missing");
            return;
        }
        if (!it->is_string()) {
            add(index, field.key, "is " + article(*it) + ", not a string");
            return;
        }
        std::string& value = record.*field.value;
        value = it->get<std::string>();
        const std::string key = field.key;
        if (value.empty()) {
            // EasyEdit's rules: no target, no edit; the VQA loader wants every field.
            if (key == "alt")
                add(index, key, "is empty; EasyEdit drops records without an edit target");
            else if (options_.task == MmeditTask::Vqa)
                add(index, key,
                    "is empty; EasyEdit's VQA loader drops records with an empty field");
            else if (field.resolved)
                add(index, key, "is empty, so the record has no image to show");
            return;
        }
        if (field.resolved)
            resolveImage(index, field, record);
    }

    void resolveImage(size_t index, const MmeditField& field, MmeditRecord& record) {
        const fs::path& root =
            std::string(field.key) == "image_rephrase" ? rephraseRoot_ : imageRoot_;
        // Like os.path.join: an absolute path in the file stands on its own.
        const fs::path file = (root / fs::path(record.*field.value)).lexically_normal();
        record.*field.resolved = file.string();
        // A downloaded file must not make the tool read /etc/passwd or ~/.ssh: its images
        // stay inside their folder unless the person allows otherwise.
        if (!options_.allowImagesOutsideRoot && !isInside(file, root)) {
            add(index, field.key,
                "names " + record.*field.value + ", which is outside the image folder " +
                    root.string() +
                    "; MMEdit image paths are relative to it (set the image root to the folder "
                    "that holds the images)");
            return;
        }
        std::error_code ec;
        if (options_.checkImagesExist && !fs::is_regular_file(file, ec))
            add(index, field.key, missingImageReason(file));
    }

    const MmeditLoadOptions& options_;
    fs::path imageRoot_;
    fs::path rephraseRoot_;
    std::vector<RecordProblem>& problems_;
};

// The E-VQA training split's text-locality questions repeat only two strings (a release bug).
// The records stay usable; T-Locality measured on them means little, which a user should know.
void noteRepeatedLocality(MmeditLoadResult& result) {
    const size_t n = result.records.size();
    if (n < 20)
        return;
    std::set<std::string> distinct;
    for (const MmeditRecord& r : result.records)
        distinct.insert(r.loc);
    if (distinct.size() * 10 > n)
        return;
    result.notes.push_back("the text-locality questions (\"loc\") repeat only " +
                           std::to_string(distinct.size()) + " distinct strings across " +
                           std::to_string(n) +
                           " records (a known bug of the E-VQA training split); T-Locality on "
                           "this file says little");
}

} // namespace

MmeditLoadResult loadMmeditFile(const std::string& path, const MmeditLoadOptions& options) {
    const fs::path file = fs::absolute(path).lexically_normal();
    const json document = parseJson(readFile(file), file);
    if (!document.is_array())
        throw Error(ErrorKind::File,
                    file.string() + " holds a JSON " + std::string(document.type_name()) +
                        ", not an array; an MMEdit file is a JSON array of records with the keys "
                        "src, pred, alt, rephrase, image, image_rephrase, loc, loc_ans, m_loc, "
                        "m_loc_q and m_loc_a");

    MmeditLoadResult result;
    result.path = file.string();
    const fs::path folder = file.parent_path();
    const fs::path imageRoot =
        rootOrDefault(options.imageRoot, folder, "image root", options.checkImagesExist);
    const fs::path rephraseRoot = rootOrDefault(options.rephraseImageRoot, folder,
                                                "rephrase image root", options.checkImagesExist);
    result.imageRoot = imageRoot.string();
    result.rephraseImageRoot = rephraseRoot.string();
    result.total = document.size();
    result.examined = options.limit == 0 ? result.total : std::min(options.limit, result.total);

    EntryReader reader(options, imageRoot, rephraseRoot, result.problems);
    result.records.reserve(result.examined);
    for (size_t i = 0; i < result.examined; ++i) {
        MmeditRecord record;
        if (reader.read(document[i], i, record))
            result.records.push_back(std::move(record));
    }
    noteRepeatedLocality(result);

    if (result.problems.empty())
        spdlog::info("{}", result.summary());
    else
        spdlog::warn("{}", result.summary());
    return result;
}

} // namespace unike::data
