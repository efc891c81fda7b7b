#include "LossPlot.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace unike::ui {
namespace {

// Fractions in [0, 1] go on the right axis; losses on the left.
bool isFraction(const QString& name) {
    return name == "alpha" || name == "accuracy" || name.startsWith("alpha");
}

QString label(const QString& name) {
    if (name == "loss")
        return QObject::tr("total loss");
    if (name == "alpha")
        return QObject::tr("α");
    QString text = name;
    return text.replace('_', ' ');
}

} // namespace

LossPlot::LossPlot(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot) {
    setObjectName("LossPlot");
    setAccessibleName(tr("Loss curves of the running edit"));
    setToolTip(tr("Live losses of the edit, one point per training step"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setMinimumHeight(180);
    plot_->xAxis->setLabel(tr("step"));
    plot_->yAxis->setLabel(tr("loss"));
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setLabel(tr("α, accuracy"));
    plot_->yAxis2->setRange(0, 1.05);
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    // Follow the platform palette (light or dark).
    const QPalette pal = palette();
    plot_->setBackground(pal.color(QPalette::Base));
    plot_->legend->setBrush(pal.color(QPalette::Base));
    plot_->legend->setTextColor(pal.color(QPalette::Text));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis, plot_->yAxis2}) {
        axis->setBasePen(QPen(pal.color(QPalette::Text)));
        axis->setTickPen(QPen(pal.color(QPalette::Text)));
        axis->setSubTickPen(QPen(pal.color(QPalette::Text)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
        axis->setLabelColor(pal.color(QPalette::Text));
    }
}

QCPGraph* LossPlot::graphFor(const QString& name) {
    if (QCPGraph* graph = graphs_.value(name))
        return graph;
    static const QList<QColor> colours = {QColor(31, 119, 180),  QColor(214, 39, 40),
                                          QColor(44, 160, 44),   QColor(255, 127, 14),
                                          QColor(148, 103, 189), QColor(140, 86, 75)};
    QCPGraph* graph =
        plot_->addGraph(plot_->xAxis, isFraction(name) ? plot_->yAxis2 : plot_->yAxis);
    QPen pen(colours[graphs_.size() % colours.size()]);
    pen.setWidthF(isFraction(name) ? 1.2 : 1.8);
    if (isFraction(name))
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    graph->setName(label(name));
    graphs_.insert(name, graph);
    return graph;
}

void LossPlot::reset() {
    plot_->clearGraphs();
    graphs_.clear();
    plot_->replot();
}

void LossPlot::addStep(long step, const std::vector<std::pair<std::string, double>>& scalars) {
    for (const auto& [name, value] : scalars) {
        const QString key = QString::fromStdString(name);
        // A log axis cannot show zero: clamp to a floor that reads as "done".
        const double shown = isFraction(key) ? value : std::max(value, 1e-6);
        graphFor(key)->addData(static_cast<double>(step), shown);
    }
    plot_->xAxis->rescale();
    bool found = false;
    QCPRange range;
    for (auto it = graphs_.cbegin(); it != graphs_.cend(); ++it)
        if (!isFraction(it.key())) {
            bool ok = false;
            QCPRange r = it.value()->getValueRange(ok, QCP::sdBoth);
            if (ok)
                range =
                    found ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper))
                          : r;
            found = found || ok;
        }
    if (found)
        plot_->yAxis->setRange(range.lower * 0.8, range.upper * 1.25);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int LossPlot::pointCount(const QString& scalar) const {
    QCPGraph* graph = graphs_.value(scalar);
    return graph ? graph->dataCount() : 0;
}

} // namespace unike::ui
