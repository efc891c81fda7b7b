// The person-facing report of a load.

#include "data/MmeditDataset.h"

#include <set>
#include <sstream>

namespace unike::data {

size_t MmeditLoadResult::skipped() const {
    std::set<size_t> indices;
    for (const RecordProblem& p : problems)
        indices.insert(p.index);
    return indices.size();
}

std::string MmeditLoadResult::summary(size_t maxProblems) const {
    std::ostringstream out;
    out << path << ": loaded " << records.size() << " of ";
    if (examined < total)
        out << "the first " << examined << " of ";
    out << total << " records";
    if (problems.empty()) {
        out << '.';
    } else {
        out << "; " << skipped() << " left out (records counted from 0):";
        size_t shown = 0;
        bool imageMissing = false;
        for (const RecordProblem& p : problems) {
            imageMissing =
                imageMissing || p.reason.find("which does not exist") != std::string::npos;
            if (shown == maxProblems)
                continue;
            out << "\n  record " << p.index;
            if (!p.field.empty())
                out << ", \"" << p.field << '"';
            out << ": " << p.reason;
            ++shown;
        }
        if (problems.size() > shown)
            out << "\n  ... and " << problems.size() - shown << " more problems";
        if (imageMissing)
            out << "\nhint: image and m_loc are looked up under " << imageRoot
                << ", image_rephrase under " << rephraseImageRoot
                << "; set the image roots (EasyEdit's coco_image and rephrase_image) if the "
                   "images live elsewhere";
    }
    for (const std::string& note : notes)
        out << "\nnote: " << note;
    return out.str();
}

} // namespace unike::data
