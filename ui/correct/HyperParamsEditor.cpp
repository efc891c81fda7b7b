#include "HyperParamsEditor.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace unike::ui {

HyperParamsEditor::HyperParamsEditor(QWidget* parent)
    : QWidget(parent)
    , toggle_(new QToolButton)
    , body_(new QWidget)
    , json_(new QPlainTextEdit)
    , overrides_(new QPlainTextEdit) {
    toggle_->setText(tr("Hyperparameters"));
    toggle_->setCheckable(true);
    toggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle_->setArrowType(Qt::RightArrow);
    toggle_->setAutoRaise(true);
    toggle_->setToolTip(tr("Show or hide the method's hyperparameters"));
    json_->setObjectName("HyperParamsJson");
    json_->setPlaceholderText(tr("{ \"max_steps\": 60 }  (a JSON object of overrides)"));
    json_->setAccessibleName(tr("Hyperparameters as JSON"));
    json_->setMaximumHeight(70);
    overrides_->setObjectName("HyperParamsOverrides");
    overrides_->setPlaceholderText(tr("key=value, one a line, applied last"));
    overrides_->setAccessibleName(tr("Hyperparameter overrides"));
    overrides_->setMaximumHeight(60);
    auto* bodyLayout = new QVBoxLayout(body_);
    bodyLayout->setContentsMargins(12, 0, 0, 0);
    bodyLayout->addWidget(new QLabel(tr("JSON object")));
    bodyLayout->addWidget(json_);
    bodyLayout->addWidget(new QLabel(tr("key=value overrides")));
    bodyLayout->addWidget(overrides_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toggle_);
    layout->addWidget(body_);
    connect(toggle_, &QToolButton::toggled, this, &HyperParamsEditor::setExpanded);
    setExpanded(false);
}

void HyperParamsEditor::setExpanded(bool expanded) {
    toggle_->setChecked(expanded);
    toggle_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    body_->setVisible(expanded);
}

QString HyperParamsEditor::json() const {
    return json_->toPlainText().trimmed();
}
void HyperParamsEditor::setJson(const QString& json) {
    json_->setPlainText(json);
}
QString HyperParamsEditor::overridesText() const {
    return overrides_->toPlainText();
}
void HyperParamsEditor::setOverridesText(const QString& text) {
    overrides_->setPlainText(text);
}

std::vector<std::pair<std::string, std::string>>
HyperParamsEditor::overrides(QString* error) const {
    std::vector<std::pair<std::string, std::string>> out;
    const QStringList lines = overrides_->toPlainText().split('\n', Qt::SkipEmptyParts);
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const int eq = line.indexOf('=');
        if (eq <= 0) {
            if (error)
                *error = tr("hyperparameter line “%1” is not key=value").arg(line);
            return {};
        }
        out.emplace_back(line.left(eq).trimmed().toStdString(),
                         line.mid(eq + 1).trimmed().toStdString());
    }
    return out;
}

} // namespace unike::ui
