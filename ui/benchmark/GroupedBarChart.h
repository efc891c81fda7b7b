#pragma once
// A grouped bar chart: one group per metric, one bar per method, with a legend.

#include <QMap>
#include <QStringList>
#include <QWidget>

class QCustomPlot;

namespace unike::ui {

class GroupedBarChart : public QWidget {
    Q_OBJECT

public:
    explicit GroupedBarChart(QWidget* parent = nullptr);

    // values[series][category], missing values are left out.
    void setData(const QStringList& categories, const QStringList& series,
                 const QMap<QString, QMap<QString, double>>& values);
    QCustomPlot* plot() const { return plot_; }

private:
    QCustomPlot* plot_ = nullptr;
};

} // namespace unike::ui
