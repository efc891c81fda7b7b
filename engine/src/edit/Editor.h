#pragma once
// One editing algorithm: it trains a patch for a request against the live stack and leaves
// the model and the stack as they were. The methods of METHOD.md §8 are editors plus settings
// (api/EditMethods.cpp).

#include "edit/EditPatch.h"
#include "edit/EditRequest.h"

#include <unike/Progress.h>

#include <memory>

namespace unike::edit {

class Editor {
public:
    virtual ~Editor() = default;
    // Throws Error(Cancelled) on cancel, leaving nothing behind.
    virtual std::shared_ptr<EditPatch> train(const EditRequest& request,
                                             const Progress& progress) const = 0;
};

} // namespace unike::edit
