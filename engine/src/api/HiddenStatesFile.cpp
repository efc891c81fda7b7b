// The states file of `unike states`: the rows in safetensors, their tags beside
// them in a CSV a person (or pandas) can read.
#include "io/CsvText.h"
#include "io/SafetensorsFile.h"
#include "io/SafetensorsWriter.h"
#include "text/JsonFiles.h"

#include <unike/Error.h>
#include <unike/HiddenStates.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace unike {
namespace {

const char* const kColumns[] = {"index", "role", "edit", "phase", "text", "answer", "image"};
constexpr size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];

std::string tagsPath(const std::string& path) {
    return path + ".csv";
}

int parseInt(const std::string& cell, const std::string& where) {
    try {
        size_t used = 0;
        const int value = std::stoi(cell, &used);
        if (used == cell.size())
            return value;
    } catch (const std::exception&) {
    }
    throw Error(ErrorKind::File, where + ": '" + cell + "' is not a whole number");
}

} // namespace

const char* stateSpaceName(StateSpace space) {
    switch (space) {
    case StateSpace::Raw:
        return "raw";
    case StateSpace::Semantic:
        return "semantic";
    case StateSpace::Truthfulness:
        return "truthfulness";
    }
    return "raw";
}

StateSpace parseStateSpace(const std::string& name) {
    for (StateSpace space : {StateSpace::Raw, StateSpace::Semantic, StateSpace::Truthfulness})
        if (name == stateSpaceName(space))
            return space;
    throw Error(ErrorKind::InvalidInput,
                "the space must be raw, semantic or truthfulness, not '" + name + "'");
}

void writeHiddenStates(const HiddenStates& states, const std::string& path) {
    if (states.points.rows != int(states.tags.size()) ||
        states.points.values.size() != size_t(states.points.rows) * size_t(states.points.cols))
        throw Error(ErrorKind::InvalidInput, "the states have " +
                                                 std::to_string(states.points.rows) + " rows but " +
                                                 std::to_string(states.tags.size()) + " tags");
    io::SafetensorsWriter writer;
    writer.add("states", io::DType::F32, {states.points.rows, states.points.cols},
               states.points.values.data(), states.points.values.size() * sizeof(float));
    writer.setMetadata("layer", std::to_string(states.layer));
    writer.setMetadata("space", stateSpaceName(states.space));
    writer.setMetadata("tags", std::filesystem::path(tagsPath(path)).filename().string());
    writer.write(path);

    std::ostringstream csv;
    for (size_t c = 0; c < kColumnCount; ++c)
        csv << (c ? "," : "") << kColumns[c];
    csv << '\n';
    for (size_t i = 0; i < states.tags.size(); ++i) {
        const StateTag& t = states.tags[i];
        csv << i << ',' << io::csvField(t.role) << ',' << t.editIndex << ','
            << io::csvField(t.phase) << ',' << io::csvField(t.text) << ',' << io::csvField(t.answer)
            << ',' << io::csvField(t.imagePath) << '\n';
    }
    text::writeTextFile(tagsPath(path), csv.str());
}

void writeProjectionCsv(const Projection& projection, const std::vector<StateTag>& tags,
                        const std::string& path) {
    if (!tags.empty() && tags.size() != size_t(projection.rows))
        throw Error(ErrorKind::InvalidInput, "the projection has " +
                                                 std::to_string(projection.rows) + " rows but " +
                                                 std::to_string(tags.size()) + " tags");
    std::ostringstream csv;
    for (int c = 0; c < projection.components; ++c)
        csv << (c ? "," : "")
            << (projection.components <= 3 ? std::string(1, "xyz"[c])
                                           : "c" + std::to_string(c + 1));
    if (!tags.empty())
        csv << ",role,edit,phase,text,answer,image";
    csv << '\n';
    char number[32];
    for (int row = 0; row < projection.rows; ++row) {
        for (int c = 0; c < projection.components; ++c) {
            std::snprintf(
                number, sizeof number, "%.7g",
                projection.coords[size_t(row) * size_t(projection.components) + size_t(c)]);
            csv << (c ? "," : "") << number;
        }
        if (!tags.empty()) {
            const StateTag& t = tags[size_t(row)];
            csv << ',' << io::csvField(t.role) << ',' << t.editIndex << ',' << io::csvField(t.phase)
                << ',' << io::csvField(t.text) << ',' << io::csvField(t.answer) << ','
                << io::csvField(t.imagePath);
        }
        csv << '\n';
    }
    text::writeTextFile(path, csv.str());
}

HiddenStates readHiddenStates(const std::string& path) {
    const io::SafetensorsFile file = io::SafetensorsFile::open(path);
    const io::TensorInfo* tensor = file.find("states");
    if (!tensor || tensor->shape.size() != 2 || tensor->dtype != io::DType::F32)
        throw Error(ErrorKind::File, "'" + path +
                                         "' is not a states file: it needs a float32 matrix "
                                         "named 'states' (write one with 'unike states')");
    HiddenStates states;
    states.points.rows = int(tensor->shape[0]);
    states.points.cols = int(tensor->shape[1]);
    states.points.values.resize(size_t(tensor->numel()));
    std::memcpy(states.points.values.data(), file.data(*tensor), tensor->byteSize);
    const auto& metadata = file.metadata();
    if (auto it = metadata.find("layer"); it != metadata.end())
        states.layer = parseInt(it->second, path + " metadata 'layer'");
    if (auto it = metadata.find("space"); it != metadata.end())
        states.space = parseStateSpace(it->second);

    const std::string csvPath = tagsPath(path);
    const auto rows = io::parseCsv(text::readTextFile(csvPath), csvPath);
    if (rows.empty() || rows[0].size() != kColumnCount || rows[0][0] != kColumns[0])
        throw Error(ErrorKind::File, csvPath + " does not start with the header line 'index,role,"
                                               "edit,phase,text,answer,image'");
    if (rows.size() - 1 != size_t(states.points.rows))
        throw Error(ErrorKind::File, csvPath + " has " + std::to_string(rows.size() - 1) +
                                         " tags but '" + path + "' has " +
                                         std::to_string(states.points.rows) +
                                         " rows; were they written together?");
    for (size_t r = 1; r < rows.size(); ++r) {
        const std::string where = csvPath + " line " + std::to_string(r + 1);
        if (rows[r].size() != kColumnCount)
            throw Error(ErrorKind::File, where + " has " + std::to_string(rows[r].size()) +
                                             " fields, not " + std::to_string(kColumnCount));
        StateTag tag;
        tag.role = rows[r][1];
        tag.editIndex = parseInt(rows[r][2], where);
        tag.phase = rows[r][3];
        tag.text = rows[r][4];
        tag.answer = rows[r][5];
        tag.imagePath = rows[r][6];
        states.tags.push_back(std::move(tag));
    }
    return states;
}

} // namespace unike
