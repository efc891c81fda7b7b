#pragma once
// An answer as a row of chips, one per token, tinted by the token's probability
// (pale for unsure, strong for sure). Hovering a chip lists the top-k alternatives.

#include <unike/ModelTypes.h>

#include <QListWidget>

#include <vector>

namespace unike::ui {

class TokenChipView : public QListWidget {
    Q_OBJECT

public:
    explicit TokenChipView(QWidget* parent = nullptr);

    void setTokens(const std::vector<unike::TokenProbability>& tokens);
    QSize sizeHint() const override { return {300, 72}; }

    // The tooltip text of one token: its probability and the alternatives.
    static QString describe(const unike::TokenProbability& token);
};

} // namespace unike::ui
