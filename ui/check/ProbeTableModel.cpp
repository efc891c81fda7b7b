#include "ProbeTableModel.h"

#include <QBrush>
#include <QColor>
#include <QImage>

namespace unike::ui {
namespace {

QString metricExplanation(const QString& metric) {
    if (metric.contains("Locality"))
        return QObject::tr("%1: an unrelated input; its answer should not change").arg(metric);
    if (metric.contains("Generality"))
        return QObject::tr("%1: a variant of the edit; it should now give the target").arg(metric);
    if (metric == "Reliability")
        return QObject::tr("Reliability: the edit itself; it should give the target");
    return metric;
}

} // namespace

ProbeTableModel::ProbeTableModel(Kind kind, QObject* parent)
    : QAbstractTableModel(parent)
    , kind_(kind) {}

void ProbeTableModel::setProbes(const ProbeList& probes) {
    beginResetModel();
    probes_ = probes;
    outcomes_.clear();
    checked_ = false;
    endResetModel();
}

void ProbeTableModel::setOutcomes(const OutcomeList& outcomes) {
    beginResetModel();
    outcomes_ = outcomes;
    probes_.clear();
    for (const unike::ProbeOutcome& outcome : outcomes)
        probes_.push_back(outcome.probe);
    checked_ = true;
    endResetModel();
}

int ProbeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(probes_.size());
}

int ProbeTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 5;
}

QPixmap ProbeTableModel::thumbnail(const unike::ImageInput& image) const {
    if (image.path.empty())
        return {};
    const QString path = QString::fromStdString(image.path);
    auto it = thumbnails_.find(path);
    if (it == thumbnails_.end())
        it = thumbnails_.insert(path, QPixmap::fromImage(QImage(path).scaled(
                                          40, 40, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    return it.value();
}

QVariant ProbeTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const unike::Probe& probe = probes_[static_cast<size_t>(index.row())];
    const bool has = checked_ && static_cast<size_t>(index.row()) < outcomes_.size();
    const unike::ProbeOutcome* outcome =
        has ? &outcomes_[static_cast<size_t>(index.row())] : nullptr;
    const QString metric = QString::fromStdString(probe.metric());
    if (role == ChangedRole)
        return outcome && outcome->changed;
    if (role == HitRole)
        return outcome && outcome->hitsExpected;
    if (role == CheckedRole)
        return outcome != nullptr;
    if (role == Qt::BackgroundRole && outcome) {
        // Highlight what matters: a changed locality probe, a missed generality probe.
        const bool bad = kind_ == Kind::Locality ? outcome->changed : !outcome->hitsExpected;
        if (bad)
            return QBrush(QColor(230, 126, 34, 70));
        return {};
    }
    if (role == Qt::ToolTipRole)
        return metricExplanation(metric) +
               (probe.expected.empty()
                    ? QString()
                    : tr("\nExpected: %1").arg(QString::fromStdString(probe.expected)));
    if (role == Qt::DecorationRole && index.column() == QuestionColumn)
        return thumbnail(probe.image);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case QuestionColumn:
        return QString::fromStdString(probe.question);
    case BeforeColumn:
        return outcome ? QString::fromStdString(outcome->before) : QString("…");
    case AfterColumn:
        return outcome ? QString::fromStdString(outcome->after) : QString("…");
    case VerdictColumn:
        if (!outcome)
            return QString();
        if (kind_ == Kind::Locality)
            return outcome->changed ? tr("changed") : tr("same");
        return outcome->hitsExpected ? tr("hit") : tr("miss");
    case MetricColumn:
        return metric;
    default:
        return {};
    }
}

QVariant ProbeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case QuestionColumn:
        return tr("Probe");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    case VerdictColumn:
        return kind_ == Kind::Locality ? tr("Changed?") : tr("Target hit?");
    case MetricColumn:
        return tr("Feeds");
    default:
        return {};
    }
}

} // namespace unike::ui
