#include "JobStatus.h"

#include "worker/EngineWorker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace unike::ui {

JobStatus::JobStatus(EngineWorker* worker, QWidget* parent)
    : QWidget(parent)
    , worker_(worker)
    , label_(new QLabel)
    , bar_(new QProgressBar)
    , cancel_(new QToolButton) {
    setObjectName("JobStatus");
    bar_->setRange(0, 1000);
    bar_->setMaximumWidth(160);
    bar_->setTextVisible(false);
    bar_->setAccessibleName(tr("Job progress"));
    cancel_->setObjectName("CancelJobButton");
    cancel_->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    cancel_->setToolTip(tr("Cancel the running job (Esc); nothing changes"));
    cancel_->setAccessibleName(tr("Cancel job"));
    cancel_->setAutoRaise(true);
    connect(cancel_, &QToolButton::clicked, this, [this] { worker_->cancel(); });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    hide();
    connect(worker_, &EngineWorker::jobStarted, this, [this](const QString& job) {
        label_->setText(describe(job));
        bar_->setValue(0);
        show();
    });
    connect(worker_, &EngineWorker::progressed, this,
            [this](const QString&, double fraction, const QString& message) {
                bar_->setValue(static_cast<int>(fraction * 1000));
                if (!message.isEmpty())
                    bar_->setToolTip(message);
            });
    connect(worker_, &EngineWorker::jobFinished, this, [this](const QString&) {
        if (!worker_->isBusy())
            hide();
    });
}

QString JobStatus::describe(const QString& job) {
    static const QHash<QString, QString> names = {
        {"load", tr("Loading the model")},      {"ask", tr("Answering")},
        {"preview", tr("Reading the image")},   {"edit", tr("Training the edit")},
        {"check", tr("Checking probes")},       {"probes", tr("Loading probes")},
        {"spaces", tr("Computing the spaces")}, {"evaluate", tr("Benchmarking")},
        {"save", tr("Saving the session")},     {"open", tr("Opening the session")},
        {"prepare", tr("Preparing the model")}};
    return names.value(job, job);
}

} // namespace unike::ui
