#pragma once
// Spaces: the semantic and truthfulness spaces of the probes side by side, before
// and after the edits. PCA gives an instant preview; t-SNE animates its
// iterations. Selection is linked across the plots, clicking a point loads that
// sample into Ask, and both plots export to PNG and CSV.

#include "worker/EngineTypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace unike::ui {

class EngineWorker;
class ScatterPlot;

class SpacesPanel : public QWidget {
    Q_OBJECT

public:
    explicit SpacesPanel(EngineWorker* worker, QWidget* parent = nullptr);

    ScatterPlot* semanticPlot() const { return plots_[0]; }
    ScatterPlot* truthfulnessPlot() const { return plots_[1]; }
    bool hasData() const { return hasData_; }
    int tsneFrames() const { return frames_; }
    bool exportCsv(const QString& path) const;
    bool exportPng(const QString& path) const;
    void setIterations(int iterations);

public slots:
    void computePca();
    void computeTsne();
    void exportDialog();

signals:
    void sampleChosen(const QString& imagePath, const QString& question);
    void computed();

private:
    void request(bool tsne);
    void onReady(int request, const SpaceData& semantic, const SpaceData& truthfulness);
    void onSnapshot(int request, int space, int iteration, const QVector<float>& coords);
    void onTsneFinished(int request, int space, const unike::Projection& projection);
    void redraw();
    QString groupOf(const unike::StateTag& tag) const;

    EngineWorker* worker_ = nullptr;
    ScatterPlot* plots_[2] = {nullptr, nullptr};
    SpaceData data_[2];
    QComboBox* colourBy_ = nullptr;
    QCheckBox* arrows_ = nullptr;
    QDoubleSpinBox* perplexity_ = nullptr;
    QSpinBox* iterations_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLabel* status_ = nullptr;
    int request_ = 0;
    int frames_ = 0;
    bool hasData_ = false;
};

} // namespace unike::ui
