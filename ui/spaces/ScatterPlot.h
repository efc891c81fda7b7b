#pragma once
// One 2-D space as a scatter plot: points coloured by group with a legend,
// optional arrows from each point before the edits to the same input after them,
// a tooltip with the thumbnail and text on hover, and a selected point that
// another plot can mirror (linked selection).

#include <QString>
#include <QVector>
#include <QWidget>

class QCustomPlot;

namespace unike::ui {

struct ScatterPoint {
    double x = 0, y = 0;
    QString group;     // legend entry, also the colour
    QString text;      // the question or caption prompt
    QString answer;    // the answer whose last token gave the state, if any
    QString imagePath; // "" for text-only rows
    QString phase;     // "before" or "after"
    int pair = -1;     // the other phase's row of the same input, -1 when none
};

class ScatterPlot : public QWidget {
    Q_OBJECT

public:
    explicit ScatterPlot(const QString& title, QWidget* parent = nullptr);

    void setPoints(const QVector<ScatterPoint>& points);
    // Moves the points (a t-SNE snapshot) without rebuilding groups; rows x 2 values.
    void setCoordinates(const QVector<float>& coords);
    void setArrowsVisible(bool visible);
    const QVector<ScatterPoint>& points() const { return points_; }
    int selected() const { return selected_; }
    int pointAt(const QPoint& pixel, double radius = 8.0) const;
    QCustomPlot* plot() const { return plot_; }
    bool savePng(const QString& path, int width, int height);

public slots:
    void setSelected(int index);

signals:
    void selectionChanged(int index);
    void pointActivated(int index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void rescale();

    QString title_;
    QCustomPlot* plot_ = nullptr;
    QVector<ScatterPoint> points_;
    bool arrows_ = false;
    int selected_ = -1;
};

} // namespace unike::ui
