#pragma once
// RFC 4180 CSV text: quoting a field on the way out and splitting rows on the
// way in, quoted commas, quotes and line breaks included. Shared by every file
// the engine writes as CSV so that they all read back the same way.

#include <string>
#include <vector>

namespace unike::io {

// The field as written: quoted only when it holds a comma, a quote or a line break.
std::string csvField(const std::string& text);

// Splits a whole CSV text into rows of fields. Throws Error(File), naming
// `source` and the line, for a quote left open at the end.
std::vector<std::vector<std::string>> parseCsv(const std::string& text, const std::string& source);

} // namespace unike::io
