#pragma once
// The one object that runs model code. It lives on its own QThread (EngineHost)
// and owns the engine's Workbench, which is not thread-safe. The GUI calls the
// request methods below from its own thread; each posts a job to the worker's
// event loop, so jobs run one after another in the order they were asked for.
// Results, progress and errors come back as signals, which reach GUI objects
// through queued connections. cancel() is thread-safe and not a slot: a slot
// would wait in the queue behind the very job it should stop.

#include "worker/EngineTypes.h"
#include "worker/JobRequests.h"

#include <unike/Progress.h>

#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace unike {
class Workbench;
}

namespace unike::ui {

class EngineWorker : public QObject {
    Q_OBJECT

public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Requests, called from the GUI thread. Those returning an int return a
    // request id that the matching result or failure signal carries.
    void configure(int threads);
    void loadModel(const unike::ModelLoadParams& params);
    int ask(const unike::AskParams& params);
    int preview(const unike::ImageInput& image);
    void applyEdit(const unike::EditParams& params);
    void setEditEnabled(int id, bool enabled);
    void renameEdit(int id, const QString& name);
    void removeEdit(int id);
    void restoreEdit(int id);
    void loadDefaultProbes(size_t limit);
    int checkProbes(const ProbeList& probes, const unike::GenerationParams& generation);
    int computeSpaces(const SpacesRequest& request);
    void evaluate(const std::vector<unike::EvalParams>& runs);
    void saveSession(const unike::SessionSaveParams& params);
    void loadSession(const QString& path);
    void prepare(const unike::PrepareParams& params);

    // Thread-safe: stops the running job at its next step. Queued jobs still run.
    void cancel();
    bool isBusy() const { return pendingJobs_.load() > 0; }

signals:
    void jobStarted(const QString& job);
    void jobFinished(const QString& job);
    void progressed(const QString& job, double fraction, const QString& message);
    void scalarsReported(const QString& job, long step, const unike::ui::ScalarList& scalars);
    void failed(const QString& job, int request, int kind, const QString& message);

    void modelLoaded(const unike::ModelInfo& info);
    void answered(int request, const unike::AskResult& result);
    void previewed(int request, const unike::ImagePreview& preview);
    void editApplied(const unike::EditSummary& edit);
    void editsChanged(const unike::ui::EditList& edits);
    void defaultProbesReady(const unike::ui::ProbeList& probes);
    void probesChecked(int request, const unike::ui::OutcomeList& outcomes);
    void spacesReady(int request, const unike::ui::SpaceData& semantic,
                     const unike::ui::SpaceData& truthfulness);
    void tsneSnapshot(int request, int space, int iteration, const QVector<float>& coords);
    void tsneFinished(int request, int space, const unike::Projection& projection);
    void evaluated(const unike::EvalReport& report);
    void sessionSaved(const unike::SessionInfo& info);
    void sessionLoaded(const unike::SessionInfo& info);
    void prepared(const unike::PreparationInfo& info);

private:
    using Job = std::function<void(const unike::Progress&)>;
    // Posts `work` to this object's thread. Errors become failed(job, request, ...).
    void post(const QString& job, int request, Job work);
    void run(const QString& job, int request, const Job& work);
    void publishEdits();
    static std::string ensureDemoBenchmark(const unike::Progress& progress);

    std::unique_ptr<unike::Workbench> workbench_;
    std::mutex progressMutex_;
    unike::Progress current_; // the running job's sink; guarded by progressMutex_
    std::atomic<int> pendingJobs_{0};
    std::atomic<int> nextRequest_{1};
};

} // namespace unike::ui
