#pragma once
// The Studio's settings: typed keys with their defaults, stored in QSettings.
// The engine never reads QSettings; the window passes these values to it.

#include <QString>

namespace unike::ui {

struct StudioSettings {
    QString device = "auto";    // auto, cpu, cuda
    QString dtype = "auto";     // auto, float32, float16, bfloat16
    int threads = 0;            // 0: half the cores (the engine's default)
    QString modelFolder;        // empty: the embedded demo model
    QString defaultHyperParams; // a JSON object applied to every new edit
    int autosaveSeconds = 120;  // 0: off

    static StudioSettings load();
    void save() const;
};

} // namespace unike::ui
