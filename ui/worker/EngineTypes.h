#pragma once
// The engine's value types, registered with Qt's meta-type system so that they
// can travel through queued signals from the worker thread to the GUI thread.

#include <unike/EditTypes.h>
#include <unike/EvalTypes.h>
#include <unike/HiddenStates.h>
#include <unike/ModelTypes.h>
#include <unike/PrepareTypes.h>
#include <unike/Probes.h>
#include <unike/Projection.h>

#include <QMetaType>
#include <QString>

#include <vector>

namespace unike::ui {

using EditList = std::vector<unike::EditSummary>;
using ProbeList = std::vector<unike::Probe>;
using OutcomeList = std::vector<unike::ProbeOutcome>;
using ScalarList = std::vector<std::pair<std::string, double>>;

// Converts the engine's UTF-8 strings.
inline QString qs(const std::string& text) {
    return QString::fromStdString(text);
}
inline std::string ss(const QString& text) {
    return text.toStdString();
}

// One space of the spaces view: the captured states and their 2-D projection.
struct SpaceData {
    unike::HiddenStates states;
    unike::Projection projection;
};

// Registers every type above; call once before the first queued signal.
void registerEngineTypes();

} // namespace unike::ui

Q_DECLARE_METATYPE(unike::ModelInfo)
Q_DECLARE_METATYPE(unike::AskResult)
Q_DECLARE_METATYPE(unike::ImagePreview)
Q_DECLARE_METATYPE(unike::EditSummary)
Q_DECLARE_METATYPE(unike::ui::EditList)
Q_DECLARE_METATYPE(unike::ui::ProbeList)
Q_DECLARE_METATYPE(unike::ui::OutcomeList)
Q_DECLARE_METATYPE(unike::ui::ScalarList)
Q_DECLARE_METATYPE(unike::ui::SpaceData)
Q_DECLARE_METATYPE(unike::Projection)
Q_DECLARE_METATYPE(unike::EvalReport)
Q_DECLARE_METATYPE(unike::SessionInfo)
Q_DECLARE_METATYPE(unike::PreparationInfo)
