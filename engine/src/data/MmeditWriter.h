#pragma once
// Writing MMEdit files that EasyEdit's loaders read. The output is byte-deterministic, so a
// generated benchmark can be checked in, diffed and hashed:
// - a JSON array, 2-space indentation, one key per line (readable and diff-friendly);
// - in each record the eleven keys in the format table's order (src, pred, alt, rephrase, image,
//   image_rephrase, loc, loc_ans, m_loc, m_loc_q, m_loc_a), nothing else;
// - UTF-8 as is (no \u escapes for non-ASCII), a trailing newline.
// image, image_rephrase and m_loc are written as given (relative to the image roots); the
// resolved *Path members are not written.

#include "data/MmeditRecord.h"

#include <string>
#include <vector>

namespace unike::data {

// The exact bytes writeMmeditFile writes. Throws Error(InvalidInput) naming the record and field
// when a string is not valid UTF-8.
std::string formatMmeditJson(const std::vector<MmeditRecord>& records);

// Writes to path + ".tmp" and renames it over path, so readers never see half a file. Throws
// Error(File) when the folder is missing or not writable (no .tmp file is left behind).
void writeMmeditFile(const std::string& path, const std::vector<MmeditRecord>& records);

} // namespace unike::data
