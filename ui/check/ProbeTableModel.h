#pragma once
// Probes side by side: the thumbnail and question, the answer before and after
// the edits, whether it changed (locality) or hits the target (generality), and
// the metric the row feeds.

#include "worker/EngineTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>

namespace unike::ui {

class ProbeTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { QuestionColumn, BeforeColumn, AfterColumn, VerdictColumn, MetricColumn };
    enum Role { ChangedRole = Qt::UserRole + 1, HitRole, CheckedRole };
    enum class Kind { Locality, Generality };

    explicit ProbeTableModel(Kind kind, QObject* parent = nullptr);

    // Probes not yet checked show no answers.
    void setProbes(const ProbeList& probes);
    void setOutcomes(const OutcomeList& outcomes);
    const ProbeList& probes() const { return probes_; }
    const OutcomeList& outcomes() const { return outcomes_; }
    bool isChecked() const { return checked_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QPixmap thumbnail(const unike::ImageInput& image) const;

    Kind kind_;
    ProbeList probes_;
    OutcomeList outcomes_;
    bool checked_ = false;
    mutable QHash<QString, QPixmap> thumbnails_;
};

} // namespace unike::ui
