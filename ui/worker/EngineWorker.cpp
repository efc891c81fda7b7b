#include "EngineWorker.h"

#include <unike/DemoWorld.h>
#include <unike/Error.h>
#include <unike/Runtime.h>
#include <unike/Workbench.h>

#include <QMetaObject>

#include <algorithm>

namespace unike::ui {
namespace {

// Bump when the cached benchmark's sizes change.

QVector<float> toQVector(const std::vector<float>& values) {
    return QVector<float>(values.begin(), values.end());
}

PointMatrix pointsOf(const HiddenStates& states) {
    return states.points;
}

} // namespace

EngineWorker::EngineWorker(QObject* parent)
    : QObject(parent)
    , workbench_(std::make_unique<Workbench>()) {
    registerEngineTypes();
}

EngineWorker::~EngineWorker() = default;

void EngineWorker::post(const QString& job, int request, Job work) {
    ++pendingJobs_;
    QMetaObject::invokeMethod(
        this, [this, job, request, work = std::move(work)] { run(job, request, work); },
        Qt::QueuedConnection);
}

void EngineWorker::run(const QString& job, int request, const Job& work) {
    // The callback runs here, on the worker thread; the signals are queued to the GUI.
    Progress progress([this, job](const ProgressEvent& event) {
        emit progressed(job, event.fraction, QString::fromStdString(event.message));
        if (!event.scalars.empty())
            emit scalarsReported(job, event.step, event.scalars);
    });
    {
        std::lock_guard<std::mutex> lock(progressMutex_);
        current_ = progress;
    }
    emit jobStarted(job);
    try {
        work(progress);
    } catch (const Error& e) {
        emit failed(job, request, static_cast<int>(e.kind()), QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        emit failed(job, request, static_cast<int>(ErrorKind::Internal),
                    QString::fromStdString(e.what()));
    }
    {
        std::lock_guard<std::mutex> lock(progressMutex_);
        current_ = Progress();
    }
    --pendingJobs_;
    emit jobFinished(job);
}

void EngineWorker::cancel() {
    std::lock_guard<std::mutex> lock(progressMutex_);
    current_.cancel();
}

void EngineWorker::publishEdits() {
    if (workbench_->hasModel())
        emit editsChanged(workbench_->edits());
}

void EngineWorker::configure(int threads) {
    // Thread counts are applied on the thread that runs the model.
    post("configure", 0, [threads](const Progress&) { setComputeThreads(threads); });
}

void EngineWorker::loadModel(const ModelLoadParams& params) {
    post("load", 0, [this, params](const Progress& progress) {
        const ModelInfo info = workbench_->loadModel(params, progress);
        emit modelLoaded(info);
        publishEdits();
    });
}

int EngineWorker::ask(const AskParams& params) {
    const int request = nextRequest_++;
    post("ask", request, [this, params, request](const Progress& progress) {
        emit answered(request, workbench_->ask(params, progress));
    });
    return request;
}

int EngineWorker::preview(const ImageInput& image) {
    const int request = nextRequest_++;
    post("preview", request, [this, image, request](const Progress&) {
        emit previewed(request, workbench_->previewImage(image));
    });
    return request;
}

void EngineWorker::applyEdit(const EditParams& params) {
    post("edit", 0, [this, params](const Progress& progress) {
        const EditSummary summary = workbench_->applyEdit(params, progress);
        emit editApplied(summary);
        publishEdits();
    });
}

void EngineWorker::setEditEnabled(int id, bool enabled) {
    post("toggle", id, [this, id, enabled](const Progress&) {
        try {
            workbench_->setEditEnabled(id, enabled);
        } catch (...) {
            publishEdits(); // the GUI resyncs with what is really live
            throw;
        }
        publishEdits();
    });
}

void EngineWorker::renameEdit(int id, const QString& name) {
    post("rename", id, [this, id, name](const Progress&) {
        workbench_->renameEdit(id, name.toStdString());
        publishEdits();
    });
}

void EngineWorker::removeEdit(int id) {
    post("remove", id, [this, id](const Progress&) {
        workbench_->removeEdit(id);
        publishEdits();
    });
}

void EngineWorker::restoreEdit(int id) {
    post("restore", id, [this, id](const Progress&) {
        try {
            workbench_->restoreEdit(id);
        } catch (...) {
            publishEdits();
            throw;
        }
        publishEdits();
    });
}

std::string EngineWorker::ensureDemoBenchmark(const Progress& progress) {
    MakeBenchParams sizes; // small: the probes, the spaces and the benchmark dialog's default
    sizes.vqaEval = 24;
    sizes.captionEval = 8;
    sizes.trainRecords = 0;
    progress.report(0.0, "drawing a small demo benchmark");
    return cachedDemoBenchmark(sizes, progress);
}

void EngineWorker::loadDefaultProbes(size_t limit) {
    post("probes", 0, [this, limit](const Progress& progress) {
        const std::string folder = ensureDemoBenchmark(progress);
        emit defaultProbesReady(localityProbes(folder, "vqa", limit));
    });
}

int EngineWorker::checkProbes(const ProbeList& probes, const GenerationParams& generation) {
    const int request = nextRequest_++;
    post("check", request, [this, probes, generation, request](const Progress& progress) {
        emit probesChecked(request, workbench_->checkProbes(probes, generation, progress));
    });
    return request;
}

int EngineWorker::computeSpaces(const SpacesRequest& request) {
    const int id = nextRequest_++;
    post("spaces", id, [this, request, id](const Progress& progress) {
        StatesParams params;
        params.dataFolder = request.dataFolder;
        params.inputs = request.inputs;
        params.limit = request.limit;
        if (params.dataFolder.empty() && params.inputs.empty())
            params.dataFolder = ensureDemoBenchmark(progress.subRange(0.0, 0.1));
        SpaceData spaces[2];
        const StateSpace kinds[2] = {StateSpace::Semantic, StateSpace::Truthfulness};
        for (int s = 0; s < 2; ++s) {
            params.space = kinds[s];
            spaces[s].states =
                workbench_->captureStates(params, progress.subRange(0.1 + 0.2 * s, 0.3 + 0.2 * s));
            spaces[s].projection = runPca(pointsOf(spaces[s].states), 2);
        }
        emit spacesReady(id, spaces[0], spaces[1]);
        if (!request.tsne)
            return;
        for (int s = 0; s < 2; ++s) {
            TsneParams tsne;
            // Small probe sets cannot reach a large perplexity; t-SNE needs about 3x
            // as many points as the perplexity.
            const double rows = static_cast<double>(spaces[s].states.points.rows);
            tsne.perplexity = std::max(2.0, std::min(request.perplexity, (rows - 1.0) / 3.0));
            tsne.iterations = request.iterations;
            tsne.seed = request.seed;
            tsne.snapshotEvery = 10;
            tsne.onSnapshot = [this, id, s](int iteration, const std::vector<float>& coords) {
                emit tsneSnapshot(id, s, iteration, toQVector(coords));
            };
            const Projection projection =
                runTsne(pointsOf(spaces[s].states), tsne,
                        progress.subRange(0.5 + 0.25 * s, 0.75 + 0.25 * s));
            emit tsneFinished(id, s, projection);
        }
    });
    return id;
}

void EngineWorker::evaluate(const std::vector<EvalParams>& runs) {
    post("evaluate", 0, [this, runs](const Progress& progress) {
        for (size_t i = 0; i < runs.size(); ++i) {
            EvalParams params = runs[i];
            if (params.dataFolder.empty())
                params.dataFolder = ensureDemoBenchmark(progress.subRange(0.0, 0.0));
            const double share = 1.0 / static_cast<double>(runs.size());
            emit evaluated(workbench_->evaluate(
                params, progress.subRange(share * static_cast<double>(i),
                                          share * static_cast<double>(i + 1))));
        }
    });
}

void EngineWorker::saveSession(const SessionSaveParams& params) {
    post("save", 0,
         [this, params](const Progress&) { emit sessionSaved(workbench_->saveSession(params)); });
}

void EngineWorker::loadSession(const QString& path) {
    post("open", 0, [this, path](const Progress& progress) {
        const SessionInfo info = workbench_->loadSession(path.toStdString(), progress);
        publishEdits();
        emit sessionLoaded(info);
    });
}

void EngineWorker::prepare(const PrepareParams& params) {
    post("prepare", 0, [this, params](const Progress& progress) {
        emit prepared(workbench_->prepare(params, progress));
    });
}

} // namespace unike::ui
