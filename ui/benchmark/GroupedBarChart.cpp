#include "GroupedBarChart.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace unike::ui {

GroupedBarChart::GroupedBarChart(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot) {
    setAccessibleName(tr("Benchmark results chart"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setMinimumHeight(220);
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->yAxis->setRange(0, 105);
    plot_->yAxis->setLabel(tr("%"));
    const QPalette pal = palette();
    plot_->setBackground(pal.color(QPalette::Base));
    plot_->legend->setBrush(pal.color(QPalette::Base));
    plot_->legend->setTextColor(pal.color(QPalette::Text));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setBasePen(QPen(pal.color(QPalette::Text)));
        axis->setTickPen(QPen(pal.color(QPalette::Text)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
        axis->setLabelColor(pal.color(QPalette::Text));
    }
}

void GroupedBarChart::setData(const QStringList& categories, const QStringList& series,
                              const QMap<QString, QMap<QString, double>>& values) {
    static const QList<QColor> colours = {
        QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),   QColor(255, 127, 14),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127)};
    plot_->clearPlottables();
    auto* group = new QCPBarsGroup(plot_);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    const double width = 0.8 / std::max<qsizetype>(1, series.size());
    for (int s = 0; s < series.size(); ++s) {
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setName(series[s]);
        bars->setWidth(width);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colours[s % colours.size()]);
        bars->setBarsGroup(group);
        QVector<double> keys, heights;
        for (int c = 0; c < categories.size(); ++c)
            if (values.value(series[s]).contains(categories[c])) {
                keys << c + 1;
                heights << values.value(series[s]).value(categories[c]);
            }
        bars->setData(keys, heights);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int c = 0; c < categories.size(); ++c)
        ticker->addTick(c + 1, categories[c]);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(0.4, categories.size() + 0.6);
    plot_->replot();
}

} // namespace unike::ui
