#pragma once
// The MMEdit keys and the record members they fill, in the order of the format's table
// (../shared/docs/MMEDIT-FORMAT.md). The reader and the writer share this one list, so the key
// order of written files cannot drift from what is read.

#include "data/MmeditRecord.h"

#include <array>
#include <string>

namespace unike::data {

struct MmeditField {
    const char* key;                  // the JSON key, e.g. "image_rephrase"
    std::string MmeditRecord::*value; // the member it fills
    // For image fields, the member that holds the resolved absolute path; else nullptr.
    std::string MmeditRecord::*resolved;
};

const std::array<MmeditField, 11>& mmeditFields();

// "vqa" or "caption": the names of the release's folders and file prefixes.
const char* mmeditTaskName(MmeditTask task) noexcept;
// The inverse of mmeditTaskName; throws Error(InvalidInput) naming the accepted values.
MmeditTask parseMmeditTask(const std::string& name);

} // namespace unike::data
