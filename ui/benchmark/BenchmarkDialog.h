#pragma once
// Runs `eval` from the Studio: an MMEdit-format benchmark (the generated demo one
// or a folder), the methods, task, protocol and limit; progress, a results table,
// a grouped bar chart, and export to CSV, JSON and Markdown.

#include <unike/EvalTypes.h>

#include <QDialog>

#include <vector>

class QComboBox;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace unike::ui {

class EngineWorker;
class GroupedBarChart;

class BenchmarkDialog : public QDialog {
    Q_OBJECT

public:
    explicit BenchmarkDialog(EngineWorker* worker, QWidget* parent = nullptr);

    const std::vector<unike::EvalReport>& reports() const { return reports_; }
    void setMethods(const QStringList& methods);
    void setLimit(int limit);

public slots:
    void run();
    void exportDialog();

signals:
    void finished();

private:
    void onEvaluated(const unike::EvalReport& report);
    void refresh();

    EngineWorker* worker_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QListWidget* methods_ = nullptr;
    QComboBox* task_ = nullptr;
    QComboBox* protocol_ = nullptr;
    QSpinBox* limit_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QTableWidget* table_ = nullptr;
    GroupedBarChart* chart_ = nullptr;
    std::vector<unike::EvalReport> reports_;
    int expected_ = 0;
};

} // namespace unike::ui
