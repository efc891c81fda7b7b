#include "ReportExport.h"

#include <QSaveFile>
#include <QStringList>

namespace unike::ui {
namespace {

QString label(const unike::EvalReport& report, const char* key) {
    const auto it = report.labels.find(key);
    return it == report.labels.end() ? QString() : QString::fromStdString(it->second);
}

QString number(const unike::EvalReport& report, const QString& key) {
    const auto it = report.metrics.find(key.toStdString());
    return it == report.metrics.end() ? QString() : QString::number(it->second, 'f', 2);
}

} // namespace

QStringList ReportExport::metricKeys() {
    return {"reliability", "t_generality", "m_generality", "t_locality", "m_locality"};
}

QString ReportExport::csv(const std::vector<unike::EvalReport>& reports) {
    QString out = "method,task,protocol," + metricKeys().join(',') + "\n";
    for (const unike::EvalReport& r : reports) {
        QStringList row = {label(r, "method"), label(r, "task"), label(r, "protocol")};
        for (const QString& key : metricKeys())
            row << number(r, key);
        out += row.join(',') + '\n';
    }
    return out;
}

QString ReportExport::json(const std::vector<unike::EvalReport>& reports) {
    QStringList parts;
    for (const unike::EvalReport& r : reports)
        parts << QString::fromStdString(r.toJson());
    return "[\n" + parts.join(",\n") + "\n]\n";
}

QString ReportExport::markdown(const std::vector<unike::EvalReport>& reports) {
    QString out = "| method | task | protocol | " + metricKeys().join(" | ") + " |\n";
    out += "|---|---|---|" + QString("---:|").repeated(metricKeys().size()) + "\n";
    for (const unike::EvalReport& r : reports) {
        QStringList row = {label(r, "method"), label(r, "task"), label(r, "protocol")};
        for (const QString& key : metricKeys())
            row << number(r, key);
        out += "| " + row.join(" | ") + " |\n";
    }
    return out;
}

bool ReportExport::write(const QString& path, const std::vector<unike::EvalReport>& reports) {
    QString text;
    if (path.endsWith(".json", Qt::CaseInsensitive))
        text = json(reports);
    else if (path.endsWith(".md", Qt::CaseInsensitive))
        text = markdown(reports);
    else
        text = csv(reports);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write(text.toUtf8());
    return file.commit();
}

} // namespace unike::ui
