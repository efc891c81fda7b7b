#pragma once
// A collapsible section for an edit's hyperparameters: a JSON object and
// key=value lines (applied last), as `unike edit --set` takes them.

#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QPlainTextEdit;
class QToolButton;

namespace unike::ui {

class HyperParamsEditor : public QWidget {
    Q_OBJECT

public:
    explicit HyperParamsEditor(QWidget* parent = nullptr);

    QString json() const;
    void setJson(const QString& json);
    QString overridesText() const;
    void setOverridesText(const QString& text);
    // key=value lines; an error message for the first malformed line.
    std::vector<std::pair<std::string, std::string>> overrides(QString* error) const;
    void setExpanded(bool expanded);

private:
    QToolButton* toggle_ = nullptr;
    QWidget* body_ = nullptr;
    QPlainTextEdit* json_ = nullptr;
    QPlainTextEdit* overrides_ = nullptr;
};

} // namespace unike::ui
