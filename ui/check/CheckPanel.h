#pragma once
// Check: the side-by-side locality check (probes that should not change) and the
// generality check (variants of the edit that should now give the target), each
// answered with every edit bypassed and with the live edits. Changed rows are
// highlighted, and a filter shows only them. T-Loc and M-Loc sum up the table.

#include "worker/EngineTypes.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace unike::ui {

class ChangedOnlyFilter;
class EngineWorker;
class ProbeTableModel;

class CheckPanel : public QWidget {
    Q_OBJECT

public:
    explicit CheckPanel(EngineWorker* worker, QWidget* parent = nullptr);

    // Where the generality probes come from (the Correct panel) and the
    // generation settings (the Ask panel).
    void setGeneralitySource(std::function<ProbeList()> source) { generality_ = std::move(source); }
    void setGenerationSource(std::function<unike::GenerationParams()> source) {
        generation_ = std::move(source);
    }
    void setCurrentImage(const unike::ImageInput& image) { image_ = image; }

    void addLocalityProbe(const unike::Probe& probe);
    ProbeTableModel* localityModel() const { return locality_; }
    ProbeTableModel* generalityModel() const { return generalityModel_; }
    QTableView* localityView() const { return localityView_; }
    ChangedOnlyFilter* localityFilter() const { return localityFilter_; }
    QString summaryText() const;
    double tLocality() const { return tLoc_; }
    double mLocality() const { return mLoc_; }

public slots:
    void loadDefaultProbes();
    void runCheck();
    void addProbeDialog();
    void setChangedOnly(bool on);

signals:
    void checked();

private:
    void onDefaults(const ProbeList& probes);
    void onChecked(int request, const OutcomeList& outcomes);
    QTableView* makeView(ChangedOnlyFilter* filter);
    void updateSummary();

    EngineWorker* worker_ = nullptr;
    std::function<ProbeList()> generality_;
    std::function<unike::GenerationParams()> generation_;
    unike::ImageInput image_;
    ProbeList defaults_;
    ProbeList userProbes_;
    ProbeTableModel* locality_ = nullptr;
    ProbeTableModel* generalityModel_ = nullptr;
    ChangedOnlyFilter* localityFilter_ = nullptr;
    ChangedOnlyFilter* generalityFilter_ = nullptr;
    QTableView* localityView_ = nullptr;
    QTableView* generalityView_ = nullptr;
    QCheckBox* changedOnly_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QLabel* summary_ = nullptr;
    int request_ = 0;
    double tLoc_ = -1, mLoc_ = -1;
};

} // namespace unike::ui
