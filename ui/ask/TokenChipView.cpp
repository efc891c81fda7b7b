#include "TokenChipView.h"

#include "worker/EngineTypes.h"

namespace unike::ui {
namespace {

// Blue with an alpha from the probability: readable over light and dark palettes.
QColor chipColour(double probability) {
    QColor colour(52, 120, 220);
    colour.setAlphaF(0.15 + 0.65 * qBound(0.0, probability, 1.0));
    return colour;
}

QString visible(const std::string& token) {
    QString text = qs(token);
    return text.trimmed().isEmpty() ? QString("␣") : text.trimmed();
}

} // namespace

TokenChipView::TokenChipView(QWidget* parent)
    : QListWidget(parent) {
    setObjectName("TokenChips");
    setAccessibleName(tr("Answer tokens with their probabilities"));
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setSpacing(3);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::TabFocus);
    setMinimumHeight(56);
    setMaximumHeight(160);
}

namespace {

// A confident model leaves its alternatives far below 0.1 %; one decimal showed them all as
// "0.0%", so small ones keep two significant digits.
QString percent(double probability) {
    const double value = 100.0 * probability;
    if (value >= 0.1)
        return QString::number(value, 'f', 1) + "%";
    if (value >= 1e-4)
        return QString::number(value, 'g', 2) + "%";
    return "< 0.0001%";
}

} // namespace

QString TokenChipView::describe(const unike::TokenProbability& token) {
    QString text =
        QString("<b>%1</b> — %2<br/>Top alternatives:")
            .arg(visible(token.text).toHtmlEscaped(), percent(token.probability).toHtmlEscaped());
    text += "<table>";
    for (const unike::TokenAlternative& alt : token.alternatives)
        text +=
            QString("<tr><td>%1</td><td align='right'>%2</td></tr>")
                .arg(visible(alt.text).toHtmlEscaped(), percent(alt.probability).toHtmlEscaped());
    return text + "</table>";
}

void TokenChipView::setTokens(const std::vector<unike::TokenProbability>& tokens) {
    clear();
    for (const unike::TokenProbability& token : tokens) {
        auto* item = new QListWidgetItem(
            QString("%1\n%2%").arg(visible(token.text)).arg(100.0 * token.probability, 0, 'f', 0));
        item->setTextAlignment(Qt::AlignCenter);
        item->setBackground(chipColour(token.probability));
        item->setToolTip(describe(token));
        item->setData(Qt::AccessibleTextRole, QString("%1, probability %2 percent")
                                                  .arg(visible(token.text))
                                                  .arg(100.0 * token.probability, 0, 'f', 0));
        item->setData(Qt::UserRole, token.probability);
        addItem(item);
    }
}

} // namespace unike::ui
