#include "world/BenchmarkFile.h"

#include "data/MmeditFields.h"

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace unike::world {

std::string formatBenchmarkJson(const std::vector<EditCase>& cases,
                                const std::vector<std::string>& neighbourImages) {
    using Json = nlohmann::ordered_json;
    Json array = Json::array();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const EditCase& c = cases[i];
        Json object = Json::object();
        for (const data::MmeditField& field : data::mmeditFields())
            object[field.key] = c.record.*field.value;
        object["n_loc_image"] = neighbourImages.at(i);
        object["n_loc_q"] = c.nLocQ;
        object["n_loc_a"] = c.nLocA;
        object["edit_kind"] = c.editKind;
        object["question_type"] = c.questionType;
        array.push_back(std::move(object));
    }
    return array.dump(2) + "\n";
}

void writeTextFile(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), std::streamsize(content.size()));
        out.close();
        if (!out) {
            std::remove(temporary.c_str());
            throw Error(ErrorKind::File, "cannot write " + temporary.string() +
                                             "; check that the folder is writable and has "
                                             "free space");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        throw Error(ErrorKind::File, "cannot replace " + path.string() + ": " + ec.message());
}

} // namespace unike::world
