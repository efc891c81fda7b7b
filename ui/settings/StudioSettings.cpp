#include "StudioSettings.h"

#include <QSettings>

namespace unike::ui {
namespace {
const char* const kDevice = "engine/device";
const char* const kDtype = "engine/dtype";
const char* const kThreads = "engine/threads";
const char* const kModelFolder = "engine/modelFolder";
const char* const kHyperParams = "edit/defaultHyperParams";
const char* const kAutosave = "session/autosaveSeconds";
} // namespace

StudioSettings StudioSettings::load() {
    const StudioSettings defaults;
    QSettings store;
    StudioSettings s;
    s.device = store.value(kDevice, defaults.device).toString();
    s.dtype = store.value(kDtype, defaults.dtype).toString();
    s.threads = store.value(kThreads, defaults.threads).toInt();
    s.modelFolder = store.value(kModelFolder, defaults.modelFolder).toString();
    s.defaultHyperParams = store.value(kHyperParams, defaults.defaultHyperParams).toString();
    s.autosaveSeconds = store.value(kAutosave, defaults.autosaveSeconds).toInt();
    return s;
}

void StudioSettings::save() const {
    QSettings store;
    store.setValue(kDevice, device);
    store.setValue(kDtype, dtype);
    store.setValue(kThreads, threads);
    store.setValue(kModelFolder, modelFolder);
    store.setValue(kHyperParams, defaultHyperParams);
    store.setValue(kAutosave, autosaveSeconds);
}

} // namespace unike::ui
