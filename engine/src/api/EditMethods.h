#pragma once
// The editing methods of METHOD.md §8, in one registration table: each is an editor, its
// default settings and whether it also leaves an in-context demonstration. The CLI, the
// Studio, evaluation and the benchmarks all read this table.

#include "edit/EditHyperParams.h"
#include "edit/EditStack.h"
#include "edit/Editor.h"
#include "edit/Preparation.h"
#include "model/MultimodalModel.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace unike {

// What an editor is built from. The model is not const because FT-L trains a weight in
// place (and restores it before returning).
struct EditorContext {
    model::MultimodalModel& model;
    const edit::EditStack& stack;
    const edit::EditHyperParams& params;
    const edit::Preparation* preparation = nullptr; // T-Patcher's memory, when prepared
};

struct EditMethod {
    std::string name;                               // "unike", as the CLI and sessions write it
    std::string summary;                            // one line for people
    void (*tune)(edit::EditHyperParams&) = nullptr; // the method's defaults
    bool inContext = false; // also an IKE "New Fact" demonstration before every prompt
    std::function<std::unique_ptr<edit::Editor>(const EditorContext&)> makeEditor;
};

const std::vector<EditMethod>& editMethodTable();
// Throws Error(InvalidInput) for an unknown name, listing the known ones.
const EditMethod& editMethod(const std::string& name);

// Defaults for `method`, then the model folder's own for it (ModelEditDefaults), then a JSON
// object, then key=value overrides.
edit::EditHyperParams
methodHyperParams(const std::string& method, const std::string& json,
                  const std::vector<std::pair<std::string, std::string>>& overrides,
                  const std::string& modelDefaultsJson = "");

} // namespace unike
