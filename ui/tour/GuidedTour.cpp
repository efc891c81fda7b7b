#include "GuidedTour.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace unike::ui {

GuidedTour::GuidedTour(QVector<TourStep> steps, QWidget* parent)
    : QDialog(parent)
    , steps_(std::move(steps))
    , list_(new QListWidget)
    , text_(new QLabel)
    , backButton_(new QPushButton(tr("Back")))
    , nextButton_(new QPushButton(tr("Next"))) {
    setObjectName("GuidedTour");
    setWindowTitle(tr("Guided Tour"));
    setModal(false);
    resize(560, 320);
    for (int i = 0; i < steps_.size(); ++i)
        list_->addItem(QString("%1. %2").arg(i + 1).arg(steps_[i].title));
    list_->setMaximumWidth(200);
    list_->setAccessibleName(tr("Tour steps"));
    text_->setWordWrap(true);
    text_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    text_->setTextFormat(Qt::RichText);
    text_->setAccessibleName(tr("Step explanation"));
    auto* doIt = new QPushButton(tr("Do It"));
    doIt->setObjectName("TourDoIt");
    doIt->setToolTip(tr("Let the Studio do this step for you"));
    auto* close = new QPushButton(tr("Close"));
    connect(list_, &QListWidget::currentRowChanged, this, &GuidedTour::goTo);
    connect(backButton_, &QPushButton::clicked, this, &GuidedTour::back);
    connect(nextButton_, &QPushButton::clicked, this, &GuidedTour::next);
    connect(doIt, &QPushButton::clicked, this, &GuidedTour::doCurrent);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(backButton_);
    buttons->addWidget(doIt);
    buttons->addWidget(nextButton_);
    buttons->addStretch();
    buttons->addWidget(close);
    auto* right = new QVBoxLayout;
    right->addWidget(text_, 1);
    right->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(list_);
    layout->addLayout(right, 1);
    goTo(0);
}

void GuidedTour::goTo(int step) {
    if (step < 0 || step >= steps_.size())
        return;
    current_ = step;
    if (list_->currentRow() != step)
        list_->setCurrentRow(step);
    text_->setText(
        QString("<h3>%1</h3><p>%2</p>").arg(steps_[step].title, steps_[step].explanation));
    backButton_->setEnabled(step > 0);
    nextButton_->setEnabled(step + 1 < steps_.size());
}

void GuidedTour::doCurrent() {
    if (current_ >= 0 && current_ < steps_.size() && steps_[current_].action)
        steps_[current_].action();
}

} // namespace unike::ui
