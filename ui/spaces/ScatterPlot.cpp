#include "ScatterPlot.h"

#include <QFileInfo>
#include <QMouseEvent>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace unike::ui {
namespace {

QColor groupColour(int index) {
    static const QList<QColor> colours = {
        QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),   QColor(255, 127, 14),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34),  QColor(23, 190, 207)};
    return colours[index % colours.size()];
}

} // namespace

ScatterPlot::ScatterPlot(const QString& title, QWidget* parent)
    : QWidget(parent)
    , title_(title)
    , plot_(new QCustomPlot) {
    setAccessibleName(title);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setMinimumSize(240, 200);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, new QCPTextElement(plot_, title, font()));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    // The legend in its own column beside the axes, so it never hides points.
    auto* legendColumn = new QCPLayoutGrid;
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(1, 1, legendColumn);
    legendColumn->addElement(0, 0, plot_->legend);
    legendColumn->addElement(1, 0, new QCPLayoutElement(plot_)); // pushes the legend up
    legendColumn->setRowStretchFactor(1, 100);
    plot_->plotLayout()->setColumnStretchFactor(1, 0.001);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    const QPalette pal = palette();
    plot_->setBackground(pal.color(QPalette::Base));
    plot_->legend->setBrush(pal.color(QPalette::Base));
    plot_->legend->setTextColor(pal.color(QPalette::Text));
    if (auto* heading = qobject_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0)))
        heading->setTextColor(pal.color(QPalette::Text));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setBasePen(QPen(pal.color(QPalette::Text)));
        axis->setTickPen(QPen(pal.color(QPalette::Text)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
    }
}

void ScatterPlot::setPoints(const QVector<ScatterPoint>& points) {
    points_ = points;
    selected_ = -1;
    rebuild();
    rescale();
}

void ScatterPlot::setCoordinates(const QVector<float>& coords) {
    if (coords.size() < points_.size() * 2)
        return;
    for (int i = 0; i < points_.size(); ++i) {
        points_[i].x = coords[2 * i];
        points_[i].y = coords[2 * i + 1];
    }
    rebuild();
    rescale();
}

void ScatterPlot::setArrowsVisible(bool visible) {
    arrows_ = visible;
    rebuild();
}

void ScatterPlot::rebuild() {
    plot_->clearGraphs();
    plot_->clearItems();
    QStringList groups;
    for (const ScatterPoint& p : points_)
        if (!groups.contains(p.group))
            groups << p.group;
    for (int g = 0; g < groups.size(); ++g) {
        QCPGraph* graph = plot_->addGraph();
        graph->setName(groups[g]);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, groupColour(g), 7));
        QVector<double> xs, ys;
        for (const ScatterPoint& p : points_)
            if (p.group == groups[g] && p.phase != "after")
                xs << p.x, ys << p.y;
        // "after" points are hollow, so before and after read apart.
        QVector<double> ax, ay;
        for (const ScatterPoint& p : points_)
            if (p.group == groups[g] && p.phase == "after")
                ax << p.x, ay << p.y;
        graph->setData(xs, ys);
        if (!ax.isEmpty()) {
            QCPGraph* after = plot_->addGraph();
            after->setLineStyle(QCPGraph::lsNone);
            after->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, groupColour(g), 8));
            after->setData(ax, ay);
            after->removeFromLegend();
        }
    }
    if (arrows_) {
        for (const ScatterPoint& p : points_) {
            if (p.phase != "before" || p.pair < 0 || p.pair >= points_.size())
                continue;
            const ScatterPoint& q = points_[p.pair];
            if (qFuzzyCompare(p.x, q.x) && qFuzzyCompare(p.y, q.y))
                continue;
            auto* arrow = new QCPItemLine(plot_);
            arrow->start->setCoords(p.x, p.y);
            arrow->end->setCoords(q.x, q.y);
            arrow->setHead(QCPLineEnding::esSpikeArrow);
            arrow->setPen(QPen(palette().color(QPalette::Mid)));
        }
    }
    if (selected_ >= 0 && selected_ < points_.size()) {
        QCPGraph* ring = plot_->addGraph();
        ring->setLineStyle(QCPGraph::lsNone);
        ring->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                              QPen(palette().color(QPalette::Highlight), 2.5),
                                              Qt::NoBrush, 16));
        ring->setData({points_[selected_].x}, {points_[selected_].y});
        ring->removeFromLegend();
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ScatterPlot::rescale() {
    plot_->rescaleAxes();
    plot_->xAxis->scaleRange(1.1, plot_->xAxis->range().center());
    plot_->yAxis->scaleRange(1.1, plot_->yAxis->range().center());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ScatterPlot::setSelected(int index) {
    if (index == selected_)
        return;
    selected_ = index;
    rebuild();
    emit selectionChanged(index);
}

int ScatterPlot::pointAt(const QPoint& pixel, double radius) const {
    int best = -1;
    double bestDistance = radius * radius;
    for (int i = 0; i < points_.size(); ++i) {
        const double dx = plot_->xAxis->coordToPixel(points_[i].x) - pixel.x();
        const double dy = plot_->yAxis->coordToPixel(points_[i].y) - pixel.y();
        if (dx * dx + dy * dy <= bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = i;
        }
    }
    return best;
}

bool ScatterPlot::eventFilter(QObject* watched, QEvent* event) {
    if (watched != plot_)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::MouseMove) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const int index = pointAt(mouse->pos());
        if (index >= 0) {
            const ScatterPoint& p = points_[index];
            QString html =
                QString("<b>%1</b> (%2)<br/>%3")
                    .arg(p.group.toHtmlEscaped(), p.phase.toHtmlEscaped(), p.text.toHtmlEscaped());
            if (!p.answer.isEmpty())
                html += QString(" &rarr; <i>%1</i>").arg(p.answer.toHtmlEscaped());
            if (!p.imagePath.isEmpty())
                html = QString("<img src='%1' width='64' height='64'/><br/>")
                           .arg(QUrl::fromLocalFile(p.imagePath).toString()) +
                       html;
            QToolTip::showText(mouse->globalPosition().toPoint(), html, plot_);
        } else {
            QToolTip::hideText();
        }
    } else if (event->type() == QEvent::MouseButtonRelease) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const int index = pointAt(mouse->pos());
        if (index >= 0) {
            setSelected(index);
            emit pointActivated(index);
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ScatterPlot::savePng(const QString& path, int width, int height) {
    return plot_->savePng(path, width, height);
}

} // namespace unike::ui
