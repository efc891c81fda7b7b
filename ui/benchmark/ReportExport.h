#pragma once
// Benchmark results as CSV, JSON or Markdown, written atomically.

#include <unike/EvalTypes.h>

#include <QString>

#include <vector>

namespace unike::ui {

class ReportExport {
public:
    // The metrics shown in the table and chart, in order.
    static QStringList metricKeys();
    static QString csv(const std::vector<unike::EvalReport>& reports);
    static QString json(const std::vector<unike::EvalReport>& reports);
    static QString markdown(const std::vector<unike::EvalReport>& reports);
    // Chooses the format from the file's suffix (.csv, .json, .md).
    static bool write(const QString& path, const std::vector<unike::EvalReport>& reports);
};

} // namespace unike::ui
