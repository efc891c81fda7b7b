#include "edit/EditStack.h"

#include "edit/EditLayerHook.h"

#include <unike/Error.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace unike::edit {

EditHookSet::EditHookSet() = default;
EditHookSet::~EditHookSet() = default;
EditHookSet::EditHookSet(EditHookSet&&) noexcept = default;

std::map<std::string, double> EditHookSet::lastScalars() const {
    std::map<std::string, double> out;
    double sum = 0.0;
    int mixed = 0;
    for (const auto& hook : layerHooks_) {
        const double alpha = hook->lastAlpha();
        if (std::isnan(alpha))
            continue;
        out["alpha_layer_" + std::to_string(hook->layer())] = alpha;
        sum += alpha;
        ++mixed;
    }
    if (mixed > 0)
        out["alpha"] = sum / mixed;
    return out;
}

EditBypass::EditBypass(EditStack& stack)
    : stack_(stack) {
    for (const auto& patch : stack_.patches())
        if (patch->enabled)
            suspended_.push_back(patch->id);
    for (int id : suspended_)
        stack_.setEnabled(id, false);
}

EditBypass::~EditBypass() {
    for (int id : suspended_)
        stack_.setEnabled(id, true);
}

EditStack::EditStack(model::MultimodalModel& model)
    : model_(model) {}

int EditStack::add(std::shared_ptr<EditPatch> patch) {
    patch->id = nextId_++;
    patches_.push_back(std::move(patch));
    applyWeightDeltas();
    return patches_.back()->id;
}

void EditStack::replaceAll(std::vector<std::shared_ptr<EditPatch>> patches) {
    std::sort(patches.begin(), patches.end(),
              [](const auto& a, const auto& b) { return a->id < b->id; });
    for (size_t i = 1; i < patches.size(); ++i)
        if (patches[i]->id == patches[i - 1]->id)
            throw Error(ErrorKind::File,
                        "two saved edits share the id " + std::to_string(patches[i]->id));
    patches_ = std::move(patches);
    removed_.clear();
    nextId_ = patches_.empty() ? 1 : patches_.back()->id + 1;
    applyWeightDeltas();
}

const EditPatch* EditStack::find(int id) const {
    for (const auto& patch : patches_)
        if (patch->id == id)
            return patch.get();
    return nullptr;
}

void EditStack::setEnabled(int id, bool enabled) {
    auto it =
        std::find_if(patches_.begin(), patches_.end(), [id](const auto& p) { return p->id == id; });
    if (it == patches_.end())
        throw Error(ErrorKind::InvalidInput, "there is no edit #" + std::to_string(id));
    (*it)->enabled = enabled;
    applyWeightDeltas();
}

void EditStack::remove(int id) {
    auto it =
        std::find_if(patches_.begin(), patches_.end(), [id](const auto& p) { return p->id == id; });
    if (it == patches_.end())
        throw Error(ErrorKind::InvalidInput, "there is no edit #" + std::to_string(id));
    removed_.push_back(*it);
    patches_.erase(it);
    applyWeightDeltas();
}

void EditStack::restore(int id) {
    auto it =
        std::find_if(removed_.begin(), removed_.end(), [id](const auto& p) { return p->id == id; });
    if (it == removed_.end())
        throw Error(ErrorKind::InvalidInput, "there is no removed edit #" + std::to_string(id));
    // Ids grow with every add, so id order is the order the edits were applied in.
    auto place =
        std::find_if(patches_.begin(), patches_.end(), [id](const auto& p) { return p->id > id; });
    patches_.insert(place, *it);
    removed_.erase(it);
    applyWeightDeltas();
}

void EditStack::clear() {
    patches_.clear();
    removed_.clear();
    applyWeightDeltas();
}

int EditStack::liveCount() const {
    return int(
        std::count_if(patches_.begin(), patches_.end(), [](const auto& p) { return p->enabled; }));
}

void EditStack::applyWeightDeltas() {
    // Weights = base + the deltas of the live fine-tuning edits. With none live the
    // saved base is copied back, which restores the original bits.
    torch::NoGradGuard noGrad;
    std::set<std::string> touched;
    for (const auto& patch : patches_)
        for (const auto& [name, swap] : patch->weightSwaps) {
            touched.insert(name);
            if (!baseWeights_.count(name))
                baseWeights_[name] = model_.parameters().get(name).detach().clone();
        }
    for (auto& [name, base] : baseWeights_) {
        torch::Tensor value = base.clone();
        for (const auto& patch : patches_) {
            auto swap = patch->weightSwaps.find(name);
            if (patch->enabled && swap != patch->weightSwaps.end())
                value += swap->second.second - swap->second.first;
        }
        const_cast<torch::Tensor&>(model_.parameters().get(name)).copy_(value);
    }
    for (auto it = baseWeights_.begin(); it != baseWeights_.end();)
        it = touched.count(it->first) ? std::next(it) : baseWeights_.erase(it);
}

std::vector<int> EditStack::activeLayers(const EditHyperParams& params,
                                         const EditPatch* extra) const {
    std::set<int> layers;
    auto addPatch = [&](const EditPatch& patch) {
        for (const auto& entry : patch.neurons)
            layers.insert(entry.first);
        for (const auto& entry : patch.keys)
            layers.insert(entry.first);
    };
    for (const auto& patch : patches_)
        if (patch->enabled)
            addPatch(*patch);
    if (extra)
        addPatch(*extra);
    if (params.alphaMode != AlphaMode::Gated)
        for (const auto& entry : banks_)
            if (!entry.second.empty())
                layers.insert(entry.first);
    return {layers.begin(), layers.end()};
}

EditHookSet EditStack::hooks(const std::map<int, torch::Tensor>& queries,
                             const torch::Tensor& queryPositions, const EditHyperParams& params,
                             const EditPatch* extra) const {
    EditHookSet set;
    set.hooks_.setKnowledgeRope(params.knowledgeRope == "zero" ? model::KnowledgeRope::Zero
                                : params.knowledgeRope == "none"
                                    ? model::KnowledgeRope::None
                                    : model::KnowledgeRope::QueryPosition);
    for (int layer : activeLayers(params, extra)) {
        EditLayerHook::Setup setup;
        setup.layer = layer;
        for (const auto& patch : patches_)
            if (patch->enabled)
                setup.patches.push_back(patch.get());
        if (extra)
            setup.patches.push_back(extra);
        auto bank = banks_.find(layer);
        setup.bank = bank == banks_.end() ? nullptr : &bank->second;
        auto query = queries.find(layer);
        if (query == queries.end())
            throw Error(ErrorKind::Internal, "no query for edited layer " + std::to_string(layer));
        setup.query = query->second;
        setup.queryPositions = queryPositions;
        setup.zeta = zeta_;
        auto encoder = encoders_.find(layer);
        if (encoder != encoders_.end())
            setup.semanticEncoder = encoder->second;
        setup.params = &params;
        setup.ffn = model_.decoder().ffnShape();
        // Knowledge slots act when some live edit (or the bank, outside gated mode) has
        // entries at this layer.
        bool knowledge = false;
        for (const EditPatch* patch : setup.patches)
            knowledge = knowledge || patch->bankValues.count(layer);
        if (params.alphaMode != AlphaMode::Gated && setup.bank && !setup.bank->empty())
            knowledge = true;
        setup.useKnowledge = knowledge;
        set.layerHooks_.push_back(std::make_unique<EditLayerHook>(std::move(setup)));
        set.hooks_.attach(layer, set.layerHooks_.back().get());
    }
    return set;
}

} // namespace unike::edit
