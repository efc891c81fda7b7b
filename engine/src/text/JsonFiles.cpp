#include "text/JsonFiles.h"

#include <unike/Error.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace unike::text {

std::string readTextFile(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorKind::File, path + " does not exist or is not a file");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof())
        throw Error(ErrorKind::File, "cannot read " + path + "; check its permissions");
    return content.str();
}

nlohmann::json readJsonFile(const std::string& path) {
    const std::string text = readTextFile(path);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Say where, in lines, rather than nlohmann's byte offset alone.
        const size_t at = std::min(e.byte == 0 ? 0 : e.byte - 1, text.size());
        const size_t line = 1 + std::count(text.begin(), text.begin() + at, '\n');
        throw Error(ErrorKind::File,
                    path + " is not valid JSON (line " + std::to_string(line) + "): " + e.what());
    } catch (const nlohmann::json::exception& e) { // a number too large to hold
        throw Error(ErrorKind::File, path + " is not valid JSON: " + e.what());
    }
}

void throwMalformed(const std::string& path, const std::string& problem) {
    throw Error(ErrorKind::File, path + " is malformed: " + problem);
}

bool jsonFlag(const nlohmann::json& object, const char* key, bool fallback) {
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

void writeTextFile(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out)
            throw Error(ErrorKind::File, "cannot write " + temporary +
                                             "; check that the folder exists and has free space");
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        throw Error(ErrorKind::File, "cannot replace " + path + ": " + ec.message());
}

} // namespace unike::text
