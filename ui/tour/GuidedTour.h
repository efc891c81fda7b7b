#pragma once
// A guided tour for teaching: step by step through ask → wrong answer → correct
// → apply → generality → locality → spaces on the demo model. Each step explains
// what to look at and can do its action for the learner ("Do it").

#include <QDialog>
#include <QVector>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace unike::ui {

struct TourStep {
    QString title;
    QString explanation;
    std::function<void()> action;
};

class GuidedTour : public QDialog {
    Q_OBJECT

public:
    GuidedTour(QVector<TourStep> steps, QWidget* parent = nullptr);

    int currentStep() const { return current_; }
    int stepCount() const { return steps_.size(); }

public slots:
    void goTo(int step);
    void next() { goTo(current_ + 1); }
    void back() { goTo(current_ - 1); }
    void doCurrent();

private:
    QVector<TourStep> steps_;
    QListWidget* list_ = nullptr;
    QLabel* text_ = nullptr;
    QPushButton* backButton_ = nullptr;
    QPushButton* nextButton_ = nullptr;
    int current_ = 0;
};

} // namespace unike::ui
