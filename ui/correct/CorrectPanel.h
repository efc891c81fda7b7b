#pragma once
// Correct: the answer the model should give, rephrasings and extra images to
// check generality on, the method and its hyperparameters, and Apply. While the
// edit trains: progress, Cancel, live loss curves, the step and elapsed time.
// The worker computes the patch; the window then records it on the undo stack.

#include "worker/EngineTypes.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;

namespace unike::ui {

class EngineWorker;
class HyperParamsEditor;
class LossPlot;

class CorrectPanel : public QWidget {
    Q_OBJECT

public:
    explicit CorrectPanel(EngineWorker* worker, QWidget* parent = nullptr);

    // What is being corrected: the current image and question.
    void setSubject(const unike::ImageInput& image, const QString& question);
    QString target() const;
    void setTarget(const QString& target);
    QStringList rephrasings() const;
    void setRephrasings(const QStringList& rephrasings);
    QStringList extraImages() const;
    void setExtraImages(const QStringList& paths);
    QString method() const;
    void setMethod(const QString& method);
    HyperParamsEditor* hyperParams() const { return hyper_; }
    LossPlot* lossPlot() const { return plot_; }
    bool isRunning() const { return running_; }
    long lastStep() const { return lastStep_; }
    // The generality probes of the current edit: itself, its rephrasings, its images.
    ProbeList generalityProbes() const;

public slots:
    void apply();
    void suggest();

signals:
    void inputRejected(const QString& message);

private:
    void onStarted(const QString& job);
    void onFinished(const QString& job);
    void onProgress(const QString& job, double fraction, const QString& message);
    void onScalars(const QString& job, long step, const ScalarList& scalars);
    void updateElapsed();

    EngineWorker* worker_ = nullptr;
    unike::ImageInput image_;
    QString question_;
    QLabel* subjectLabel_ = nullptr;
    QLineEdit* targetEdit_ = nullptr;
    QListWidget* rephrasings_ = nullptr;
    QListWidget* images_ = nullptr;
    QComboBox* methodBox_ = nullptr;
    HyperParamsEditor* hyper_ = nullptr;
    QPushButton* applyButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QLabel* elapsedLabel_ = nullptr;
    LossPlot* plot_ = nullptr;
    QTimer* clock_ = nullptr;
    QElapsedTimer elapsed_;
    bool running_ = false;
    long lastStep_ = -1;
};

} // namespace unike::ui
