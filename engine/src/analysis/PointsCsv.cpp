// readPointsCsv: a headerless CSV of numbers, one point per row.
#include <unike/Error.h>
#include <unike/Projection.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>

namespace unike {
namespace {

std::string trimmed(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

// Parses one cell as a float; false when it is not a whole finite number.
bool parseNumber(const std::string& cell, float& value) {
    if (cell.empty())
        return false;
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || errno == ERANGE || !std::isfinite(parsed))
        return false;
    value = static_cast<float>(parsed);
    return std::isfinite(value);
}

} // namespace

PointMatrix readPointsCsv(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorKind::File, "cannot open '" + path + "'; check the path of --in");
    PointMatrix points;
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (trimmed(line).empty())
            continue;
        int column = 0;
        size_t start = 0;
        while (true) {
            const size_t comma = line.find(',', start);
            const std::string cell =
                trimmed(line.substr(start, comma == std::string::npos ? comma : comma - start));
            float value = 0.0f;
            if (!parseNumber(cell, value)) {
                std::string message = path + " line " + std::to_string(lineNumber) + ", column " +
                                      std::to_string(column + 1) + ": '" + cell +
                                      "' is not a finite number. Expected a headerless CSV of "
                                      "numbers, one point per row";
                if (points.rows == 0)
                    message += " (remove any header line)";
                throw Error(ErrorKind::File, message);
            }
            points.values.push_back(value);
            ++column;
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        if (points.rows == 0)
            points.cols = column;
        else if (column != points.cols)
            throw Error(ErrorKind::File,
                        path + " line " + std::to_string(lineNumber) + " has " +
                            std::to_string(column) + " numbers but the first row has " +
                            std::to_string(points.cols) + "; every row must have the same length");
        ++points.rows;
    }
    if (points.rows == 0)
        throw Error(ErrorKind::File,
                    path + " holds no points; expected a headerless CSV, one point per row");
    return points;
}

} // namespace unike
