#pragma once
// A titled, explanatory panel shown where a workbench panel has not been built yet.

#include <QWidget>

namespace unike::ui {

class PlaceholderPanel : public QWidget {
    Q_OBJECT

public:
    PlaceholderPanel(const QString& title, const QString& explanation, QWidget* parent = nullptr);
};

} // namespace unike::ui
