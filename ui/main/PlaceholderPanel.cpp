#include "PlaceholderPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace unike::ui {

PlaceholderPanel::PlaceholderPanel(const QString& title, const QString& explanation,
                                   QWidget* parent)
    : QWidget(parent) {
    setObjectName(title + "Placeholder");
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(
        QString("<b>%1</b><br/>%2").arg(title.toHtmlEscaped(), explanation.toHtmlEscaped()));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    layout->addWidget(label);
}

} // namespace unike::ui
