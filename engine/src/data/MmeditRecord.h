#pragma once
// One edit case of the MMEdit benchmark, with the fields EasyEdit reads
// (../shared/docs/MMEDIT-FORMAT.md). Image paths are kept as written in the file
// (relative to an image root); resolved paths are filled in by the loader.

#include <string>
#include <vector>

namespace unike::data {

struct MmeditRecord {
    std::string src;           // the edit prompt: a question (VQA) or a caption stub
    std::string pred;          // the model's answer before the edit
    std::string alt;           // the edit target
    std::string rephrase;      // a paraphrase of src (T-Generality)
    std::string image;         // the edit image
    std::string imageRephrase; // "image_rephrase": another image of the same content
    std::string loc;           // an unrelated text-only question (T-Locality)
    std::string locAns;        // "loc_ans"
    std::string mLoc;          // "m_loc": an unrelated image (M-Locality)
    std::string mLocQ;         // "m_loc_q"
    std::string mLocA;         // "m_loc_a"

    // Filled by the loader: absolute paths of the three images.
    std::string imagePath;
    std::string imageRephrasePath;
    std::string mLocPath;
};

// Field by field, resolved paths included.
inline bool operator==(const MmeditRecord& a, const MmeditRecord& b) {
    return a.src == b.src && a.pred == b.pred && a.alt == b.alt && a.rephrase == b.rephrase &&
           a.image == b.image && a.imageRephrase == b.imageRephrase && a.loc == b.loc &&
           a.locAns == b.locAns && a.mLoc == b.mLoc && a.mLocQ == b.mLocQ && a.mLocA == b.mLocA &&
           a.imagePath == b.imagePath && a.imageRephrasePath == b.imageRephrasePath &&
           a.mLocPath == b.mLocPath;
}
inline bool operator!=(const MmeditRecord& a, const MmeditRecord& b) {
    return !(a == b);
}

enum class MmeditTask { Vqa, Caption };

} // namespace unike::data
