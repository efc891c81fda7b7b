#include "CheckPanel.h"

#include "check/ChangedOnlyFilter.h"
#include "check/ProbeTableModel.h"
#include "worker/EngineWorker.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace unike::ui {
namespace {
constexpr size_t kDefaultProbeCount = 12;

bool isLocality(const unike::Probe& probe) {
    return probe.kind == "t-locality" || probe.kind == "m-locality";
}
} // namespace

CheckPanel::CheckPanel(EngineWorker* worker, QWidget* parent)
    : QWidget(parent)
    , worker_(worker)
    , locality_(new ProbeTableModel(ProbeTableModel::Kind::Locality, this))
    , generalityModel_(new ProbeTableModel(ProbeTableModel::Kind::Generality, this))
    , localityFilter_(new ChangedOnlyFilter(ProbeTableModel::ChangedRole, true, this))
    , generalityFilter_(new ChangedOnlyFilter(ProbeTableModel::HitRole, false, this))
    , changedOnly_(new QCheckBox(tr("Changed only")))
    , runButton_(new QPushButton(tr("&Run Check")))
    , summary_(new QLabel) {
    setObjectName("CheckPanel");
    localityFilter_->setSourceModel(locality_);
    generalityFilter_->setSourceModel(generalityModel_);
    localityView_ = makeView(localityFilter_);
    localityView_->setObjectName("LocalityTable");
    localityView_->setAccessibleName(tr("Locality probes"));
    generalityView_ = makeView(generalityFilter_);
    generalityView_->setObjectName("GeneralityTable");
    generalityView_->setAccessibleName(tr("Generality probes"));

    runButton_->setObjectName("RunCheckButton");
    runButton_->setToolTip(
        tr("Answer every probe with the edits bypassed and with the live edits"));
    changedOnly_->setObjectName("ChangedOnly");
    changedOnly_->setToolTip(tr("Show only changed locality probes and missed generality probes"));
    auto* addButton = new QPushButton(tr("Add Probe…"));
    addButton->setToolTip(tr("Add a locality probe: a question whose answer should not change"));
    summary_->setObjectName("CheckSummary");
    summary_->setAccessibleName(tr("Check summary"));
    connect(runButton_, &QPushButton::clicked, this, &CheckPanel::runCheck);
    connect(changedOnly_, &QCheckBox::toggled, this, &CheckPanel::setChangedOnly);
    connect(addButton, &QPushButton::clicked, this, &CheckPanel::addProbeDialog);

    auto* tabs = new QTabWidget;
    tabs->addTab(localityView_, tr("Locality (should not change)"));
    tabs->addTab(generalityView_, tr("Generality (should hit the target)"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(runButton_);
    bar->addWidget(addButton);
    bar->addWidget(changedOnly_);
    bar->addStretch();
    bar->addWidget(summary_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(tabs, 1);

    connect(worker_, &EngineWorker::defaultProbesReady, this, &CheckPanel::onDefaults);
    connect(worker_, &EngineWorker::probesChecked, this, &CheckPanel::onChecked);
    updateSummary();
}

QTableView* CheckPanel::makeView(ChangedOnlyFilter* filter) {
    auto* view = new QTableView;
    view->setModel(filter);
    view->setIconSize(QSize(40, 40));
    view->setWordWrap(true);
    view->setAlternatingRowColors(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->setDefaultSectionSize(44);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(ProbeTableModel::QuestionColumn,
                                                   QHeaderView::Stretch);
    return view;
}

void CheckPanel::loadDefaultProbes() {
    worker_->loadDefaultProbes(kDefaultProbeCount);
}

void CheckPanel::onDefaults(const ProbeList& probes) {
    defaults_ = probes;
    ProbeList all = defaults_;
    all.insert(all.end(), userProbes_.begin(), userProbes_.end());
    locality_->setProbes(all);
    updateSummary();
}

void CheckPanel::addLocalityProbe(const unike::Probe& probe) {
    userProbes_.push_back(probe);
    ProbeList all = locality_->probes();
    all.push_back(probe);
    locality_->setProbes(all);
    updateSummary();
}

void CheckPanel::addProbeDialog() {
    bool ok = false;
    const QString question = QInputDialog::getText(
        this, tr("Add Locality Probe"),
        tr("A question whose answer the edit should not change.\nIt is asked about the current "
           "image, or as text only when no image is open."),
        QLineEdit::Normal, {}, &ok);
    if (!ok || question.trimmed().isEmpty())
        return;
    unike::Probe probe;
    probe.image = image_;
    probe.kind = image_.empty() ? "t-locality" : "m-locality";
    probe.question = question.trimmed().toStdString();
    addLocalityProbe(probe);
}

void CheckPanel::runCheck() {
    ProbeList probes = locality_->probes();
    if (generality_) {
        const ProbeList more = generality_();
        probes.insert(probes.end(), more.begin(), more.end());
    }
    if (probes.empty()) {
        loadDefaultProbes();
        return;
    }
    request_ =
        worker_->checkProbes(probes, generation_ ? generation_() : unike::GenerationParams());
}

void CheckPanel::onChecked(int request, const OutcomeList& outcomes) {
    if (request != request_)
        return;
    OutcomeList locality, generality;
    for (const unike::ProbeOutcome& outcome : outcomes)
        (isLocality(outcome.probe) ? locality : generality).push_back(outcome);
    locality_->setOutcomes(locality);
    generalityModel_->setOutcomes(generality);
    updateSummary();
    emit checked();
}

void CheckPanel::setChangedOnly(bool on) {
    if (changedOnly_->isChecked() != on)
        changedOnly_->setChecked(on);
    localityFilter_->setEnabled(on);
    generalityFilter_->setEnabled(on);
}

void CheckPanel::updateSummary() {
    // Locality as METHOD.md §9 measures it: post-edit argmax agreeing with pre-edit.
    double sum[2] = {0, 0};
    int count[2] = {0, 0};
    for (const unike::ProbeOutcome& o : locality_->outcomes()) {
        const int which = o.probe.kind == "m-locality" ? 1 : 0;
        sum[which] += o.tokenAgreement;
        ++count[which];
    }
    tLoc_ = count[0] ? 100.0 * sum[0] / count[0] : -1;
    mLoc_ = count[1] ? 100.0 * sum[1] / count[1] : -1;
    int hits = 0;
    for (const unike::ProbeOutcome& o : generalityModel_->outcomes())
        hits += o.hitsExpected ? 1 : 0;
    auto percent = [](double value) {
        return value < 0 ? QString("–") : QString::number(value, 'f', 1) + "%";
    };
    QString text = tr("T-Loc %1 · M-Loc %2").arg(percent(tLoc_), percent(mLoc_));
    if (!generalityModel_->outcomes().empty())
        text += tr(" · generality %1/%2 hit").arg(hits).arg(generalityModel_->outcomes().size());
    if (!locality_->isChecked())
        text += tr(" · %1 probes, not run yet").arg(locality_->rowCount());
    summary_->setText(text);
}

QString CheckPanel::summaryText() const {
    return summary_->text();
}

} // namespace unike::ui
