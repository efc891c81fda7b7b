#pragma once
// Reading EasyEdit's MMEdit files (../shared/docs/MMEDIT-FORMAT.md) and finding them in a data
// folder. A bad record never stops a load: it is left out and listed as a problem, so a user with
// the real release (which has known gaps) still gets every good record and a readable report.

// One include for the whole module: records, writing, triplets and protocols come along.
#include "data/EditProtocol.h"
#include "data/MmeditFields.h"
#include "data/MmeditRecord.h"
#include "data/MmeditWriter.h"
#include "data/Triplets.h"

#include <cstddef>
#include <string>
#include <vector>

namespace unike::data {

struct MmeditLoadOptions {
    // Where `image` and `m_loc` (imageRoot) and `image_rephrase` (rephraseImageRoot) are relative
    // to: EasyEdit's coco_image and rephrase_image. Empty: the data file's folder.
    std::string imageRoot;
    std::string rephraseImageRoot;
    // Which EasyEdit loader's rules apply: the VQA one also drops records with any empty field.
    MmeditTask task = MmeditTask::Vqa;
    // Leave out records whose images are not files. Off: paths are resolved but not checked.
    bool checkImagesExist = true;
    // Off (the default), records whose image paths lead out of their image root ("../..",
    // absolute paths elsewhere) are left out, so a hostile file cannot make the tool read
    // other files.
    bool allowImagesOutsideRoot = false;
    // Look only at the first `limit` entries of the file, like EasyEdit's `size`; 0: all.
    size_t limit = 0;
};

// Why one entry of the file was left out. A record may have several.
struct RecordProblem {
    size_t index;       // the entry's position in the file's array, counting from 0
    std::string field;  // the JSON key ("alt", "image"...); empty when the entry itself is wrong
    std::string reason; // e.g. "is missing", "is a number, not a string"
};

struct MmeditLoadResult {
    std::vector<MmeditRecord> records; // the good records, in file order
    std::vector<RecordProblem> problems;
    size_t total = 0;    // entries in the file
    size_t examined = 0; // entries looked at: total, or the limit when smaller
    // Remarks about the file as a whole that leave the records loaded (release quirks).
    std::vector<std::string> notes;
    std::string path; // the data file, absolute
    std::string imageRoot;
    std::string rephraseImageRoot;

    // Entries left out: distinct indices in problems.
    size_t skipped() const;
    // A report for a person: counts, then up to maxProblems problems (index, field, reason),
    // the notes, and a hint about the image roots when images were not found.
    std::string summary(size_t maxProblems = 20) const;
};

// Reads an MMEdit JSON file. Throws Error(File), naming the file, when it is missing, unreadable,
// not JSON (with line and column) or not an array; Error(File) too when checkImagesExist is on and
// a given image root is not a folder. Everything wrong inside a record is a RecordProblem.
MmeditLoadResult loadMmeditFile(const std::string& path, const MmeditLoadOptions& options = {});

// The release's file name: vqa_train.json, vqa_eval.json, caption_train_edit.json or
// caption_eval_edit.json. split is "train" or "eval"; anything else is Error(InvalidInput).
std::string mmeditFileName(MmeditTask task, const std::string& split);

// The absolute path of that file under a data folder: directly in it, else in its vqa/ or
// caption/ subfolder (the release's layout). Throws Error(File) listing the places it looked.
std::string findMmeditFile(const std::string& folder, MmeditTask task, const std::string& split);

} // namespace unike::data
