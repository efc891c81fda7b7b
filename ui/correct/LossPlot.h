#pragma once
// The live loss curves of an edit: one graph per scalar the editor reports
// (total, edit, activation and memory losses on a log axis; alpha and accuracy,
// which live in [0, 1], on the right axis).

#include <QMap>
#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace unike::ui {

class LossPlot : public QWidget {
    Q_OBJECT

public:
    explicit LossPlot(QWidget* parent = nullptr);

    void reset();
    void addStep(long step, const std::vector<std::pair<std::string, double>>& scalars);
    int pointCount(const QString& scalar) const;
    QCustomPlot* plot() const { return plot_; }

private:
    QCPGraph* graphFor(const QString& name);

    QCustomPlot* plot_ = nullptr;
    QMap<QString, QCPGraph*> graphs_;
};

} // namespace unike::ui
