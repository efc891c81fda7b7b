#include "data/MmeditWriter.h"

#include "data/MmeditFields.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace unike::data {

namespace {

// ordered_json keeps insertion order; plain json would sort the keys.
using Json = nlohmann::ordered_json;

// Names the first string that is not UTF-8, since nlohmann's error names no field.
[[noreturn]] void throwBadUtf8(const std::vector<MmeditRecord>& records) {
    for (size_t i = 0; i < records.size(); ++i)
        for (const MmeditField& field : mmeditFields()) {
            try {
                (void)Json(records[i].*field.value).dump();
            } catch (const Json::type_error&) {
                throw Error(ErrorKind::InvalidInput, "cannot write MMEdit record " +
                                                         std::to_string(i) + ": its \"" +
                                                         field.key + "\" is not valid UTF-8 text");
            }
        }
    throw Error(ErrorKind::Internal, "an MMEdit record could not be written as JSON");
}

} // namespace

std::string formatMmeditJson(const std::vector<MmeditRecord>& records) {
    Json array = Json::array();
    for (const MmeditRecord& record : records) {
        Json object = Json::object();
        for (const MmeditField& field : mmeditFields())
            object[field.key] = record.*field.value;
        array.push_back(std::move(object));
    }
    try {
        return array.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
    } catch (const Json::type_error&) {
        throwBadUtf8(records);
    }
}

void writeMmeditFile(const std::string& path, const std::vector<MmeditRecord>& records) {
    const std::string content = formatMmeditJson(records);
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) {
            std::remove(temporary.c_str());
            throw Error(ErrorKind::File, "cannot write " + temporary +
                                             "; check that its folder exists, is writable and "
                                             "has free space");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::remove(temporary.c_str());
        throw Error(ErrorKind::File,
                    "cannot replace " + path + " with the new MMEdit file: " + ec.message());
    }
}

} // namespace unike::data
