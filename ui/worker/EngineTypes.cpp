#include "EngineTypes.h"

namespace unike::ui {

void registerEngineTypes() {
    qRegisterMetaType<unike::ModelInfo>();
    qRegisterMetaType<unike::AskResult>();
    qRegisterMetaType<unike::ImagePreview>();
    qRegisterMetaType<unike::EditSummary>();
    qRegisterMetaType<EditList>();
    qRegisterMetaType<ProbeList>();
    qRegisterMetaType<OutcomeList>();
    qRegisterMetaType<ScalarList>();
    qRegisterMetaType<SpaceData>();
    qRegisterMetaType<unike::Projection>();
    qRegisterMetaType<unike::EvalReport>();
    qRegisterMetaType<unike::SessionInfo>();
    qRegisterMetaType<unike::PreparationInfo>();
}

} // namespace unike::ui
