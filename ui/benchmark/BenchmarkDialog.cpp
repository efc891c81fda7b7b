#include "BenchmarkDialog.h"

#include "benchmark/GroupedBarChart.h"
#include "benchmark/ReportExport.h"
#include "worker/EngineWorker.h"

#include <unike/EditTypes.h>

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace unike::ui {

BenchmarkDialog::BenchmarkDialog(EngineWorker* worker, QWidget* parent)
    : QDialog(parent)
    , worker_(worker)
    , folder_(new QLineEdit)
    , methods_(new QListWidget)
    , task_(new QComboBox)
    , protocol_(new QComboBox)
    , limit_(new QSpinBox)
    , runButton_(new QPushButton(tr("Run")))
    , cancelButton_(new QPushButton(tr("Cancel")))
    , progress_(new QProgressBar)
    , table_(new QTableWidget)
    , chart_(new GroupedBarChart) {
    setObjectName("BenchmarkDialog");
    setWindowTitle(tr("Benchmark"));
    resize(900, 700);
    folder_->setPlaceholderText(tr("empty: a small benchmark drawn from the demo world"));
    folder_->setToolTip(tr("A folder of MMEdit-format data (EasyEdit's JSON files)"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Benchmark Folder"));
        if (!dir.isEmpty())
            folder_->setText(dir);
    });
    QStringList all = {"none"};
    for (const std::string& m : unike::editMethods())
        all << QString::fromStdString(m);
    for (const QString& m : all) {
        auto* item = new QListWidgetItem(m, methods_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m == "unike" ? Qt::Checked : Qt::Unchecked);
    }
    methods_->setMaximumHeight(120);
    methods_->setAccessibleName(tr("Methods to evaluate"));
    task_->addItems({"vqa", "caption", "cross"});
    protocol_->setEditable(true);
    protocol_->addItems({"one-step", "seq:5", "seq:10"});
    protocol_->setToolTip(tr("one-step edits each case alone; seq:K keeps K edits live together"));
    limit_->setRange(0, 100000);
    limit_->setValue(10);
    limit_->setSpecialValueText(tr("all"));
    limit_->setToolTip(tr("How many cases to edit; 0 edits them all"));
    cancelButton_->setEnabled(false);
    connect(runButton_, &QPushButton::clicked, this, &BenchmarkDialog::run);
    connect(cancelButton_, &QPushButton::clicked, this, [this] { worker_->cancel(); });
    auto* exportButton = new QPushButton(tr("Export…"));
    connect(exportButton, &QPushButton::clicked, this, &BenchmarkDialog::exportDialog);
    auto* close = new QPushButton(tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::accept);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Data"), folderRow);
    form->addRow(tr("Methods"), methods_);
    form->addRow(tr("Task"), task_);
    form->addRow(tr("Protocol"), protocol_);
    form->addRow(tr("Limit"), limit_);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(runButton_);
    runRow->addWidget(cancelButton_);
    runRow->addWidget(progress_, 1);
    runRow->addWidget(exportButton);
    runRow->addWidget(close);
    table_->setAccessibleName(tr("Benchmark results"));
    table_->verticalHeader()->hide();
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table_);
    splitter->addWidget(chart_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(splitter, 1);

    progress_->setRange(0, 1000);
    connect(worker_, &EngineWorker::evaluated, this, &BenchmarkDialog::onEvaluated);
    connect(worker_, &EngineWorker::progressed, this,
            [this](const QString& job, double fraction, const QString&) {
                if (job == "evaluate")
                    progress_->setValue(static_cast<int>(fraction * 1000));
            });
    connect(worker_, &EngineWorker::jobFinished, this, [this](const QString& job) {
        if (job != "evaluate")
            return;
        runButton_->setEnabled(true);
        cancelButton_->setEnabled(false);
        emit finished();
    });
    refresh();
}

void BenchmarkDialog::setMethods(const QStringList& methods) {
    for (int i = 0; i < methods_->count(); ++i)
        methods_->item(i)->setCheckState(
            methods.contains(methods_->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
}

void BenchmarkDialog::setLimit(int limit) {
    limit_->setValue(limit);
}

void BenchmarkDialog::run() {
    std::vector<unike::EvalParams> runs;
    for (int i = 0; i < methods_->count(); ++i) {
        if (methods_->item(i)->checkState() != Qt::Checked)
            continue;
        unike::EvalParams params;
        params.dataFolder = folder_->text().trimmed().toStdString();
        params.method = methods_->item(i)->text().toStdString();
        params.task = task_->currentText().toStdString();
        params.protocol = protocol_->currentText().trimmed().toStdString();
        params.limit = static_cast<size_t>(limit_->value());
        runs.push_back(params);
    }
    if (runs.empty())
        return;
    reports_.clear();
    refresh();
    expected_ = static_cast<int>(runs.size());
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    progress_->setValue(0);
    worker_->evaluate(runs);
}

void BenchmarkDialog::onEvaluated(const unike::EvalReport& report) {
    reports_.push_back(report);
    refresh();
}

void BenchmarkDialog::refresh() {
    const QStringList keys = ReportExport::metricKeys();
    table_->clear();
    table_->setColumnCount(keys.size() + 1);
    QStringList headers = {tr("method")};
    headers << keys;
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(reports_.size()));
    QStringList series;
    QMap<QString, QMap<QString, double>> values;
    for (size_t r = 0; r < reports_.size(); ++r) {
        const auto method = reports_[r].labels.find("method");
        const QString name = method == reports_[r].labels.end()
                                 ? QString::number(r)
                                 : QString::fromStdString(method->second);
        series << name;
        table_->setItem(static_cast<int>(r), 0, new QTableWidgetItem(name));
        for (int k = 0; k < keys.size(); ++k) {
            const auto it = reports_[r].metrics.find(keys[k].toStdString());
            if (it == reports_[r].metrics.end())
                continue;
            values[name][keys[k]] = it->second;
            table_->setItem(static_cast<int>(r), k + 1,
                            new QTableWidgetItem(QString::number(it->second, 'f', 1)));
        }
    }
    table_->resizeColumnsToContents();
    chart_->setData(keys, series, values);
}

void BenchmarkDialog::exportDialog() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Results"), "results.csv",
                                     tr("CSV (*.csv);;JSON (*.json);;Markdown (*.md)"));
    if (!path.isEmpty())
        ReportExport::write(path, reports_);
}

} // namespace unike::ui
