#include "data/MmeditFields.h"

#include <unike/Error.h>

namespace unike::data {

const std::array<MmeditField, 11>& mmeditFields() {
    using R = MmeditRecord;
    static const std::array<MmeditField, 11> fields = {{
        {"src", &R::src, nullptr},
        {"pred", &R::pred, nullptr},
        {"alt", &R::alt, nullptr},
        {"rephrase", &R::rephrase, nullptr},
        {"image", &R::image, &R::imagePath},
        {"image_rephrase", &R::imageRephrase, &R::imageRephrasePath},
        {"loc", &R::loc, nullptr},
        {"loc_ans", &R::locAns, nullptr},
        {"m_loc", &R::mLoc, &R::mLocPath},
        {"m_loc_q", &R::mLocQ, nullptr},
        {"m_loc_a", &R::mLocA, nullptr},
    }};
    return fields;
}

const char* mmeditTaskName(MmeditTask task) noexcept {
    return task == MmeditTask::Vqa ? "vqa" : "caption";
}

MmeditTask parseMmeditTask(const std::string& name) {
    if (name == "vqa")
        return MmeditTask::Vqa;
    if (name == "caption")
        return MmeditTask::Caption;
    throw Error(ErrorKind::InvalidInput,
                "unknown MMEdit task '" + name + "'; use 'vqa' (E-VQA) or 'caption' (E-IC)");
}

} // namespace unike::data
