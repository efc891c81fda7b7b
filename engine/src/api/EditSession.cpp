#include "api/EditSession.h"

namespace unike {

EditSession::EditSession(model::MultimodalModel& model)
    : edits_(std::make_unique<edit::EditStack>(model)) {}

void EditSession::usePreparation(const edit::Preparation& preparation) {
    preparation.installInto(*edits_);
}

int EditSession::add(std::shared_ptr<edit::EditPatch> patch,
                     const edit::EditHyperParams& settings) {
    const int id = edits_->add(std::move(patch));
    inferenceSwaps_[id] = {inference_, settings};
    inference_ = settings;
    return id;
}

void EditSession::remove(int id) {
    edits_->remove(id);
    const auto swap = inferenceSwaps_.find(id);
    if (swap != inferenceSwaps_.end() && inference_.toJson() == swap->second.second.toJson())
        inference_ = swap->second.first;
}

void EditSession::restore(int id) {
    edits_->restore(id);
    const auto swap = inferenceSwaps_.find(id);
    if (swap != inferenceSwaps_.end() && inference_.toJson() == swap->second.first.toJson())
        inference_ = swap->second.second;
}

void EditSession::clear() {
    edits_->clear();
    inferenceSwaps_.clear();
}

void EditSession::replaceAll(std::vector<std::shared_ptr<edit::EditPatch>> patches,
                             const edit::EditHyperParams& inference) {
    edits_->replaceAll(std::move(patches));
    inferenceSwaps_.clear();
    inference_ = inference;
}

} // namespace unike
