#include "AskPanel.h"

#include "ask/TokenChipView.h"
#include "worker/EngineWorker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace unike::ui {
namespace {
const char* const kHistoryKey = "ask/history";
constexpr int kHistorySize = 30;
} // namespace

AskPanel::AskPanel(EngineWorker* worker, QWidget* parent)
    : QWidget(parent)
    , worker_(worker)
    , questionBox_(new QComboBox)
    , askButton_(new QPushButton(tr("&Ask")))
    , answerLabel_(new QLabel(tr("No answer yet.")))
    , chips_(new TokenChipView)
    , scoreEdit_(new QLineEdit)
    , scoreLabel_(new QLabel)
    , bypassBox_(new QCheckBox(tr("Ask the unedited model")))
    , settingsBox_(new QGroupBox(tr("Generation settings")))
    , maxTokens_(new QSpinBox)
    , beams_(new QSpinBox)
    , topK_(new QSpinBox) {
    setObjectName("AskPanel");
    questionBox_->setObjectName("QuestionBox");
    questionBox_->setEditable(true);
    questionBox_->setInsertPolicy(QComboBox::NoInsert);
    questionBox_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    questionBox_->lineEdit()->setPlaceholderText(tr("Ask a question about the image"));
    questionBox_->setAccessibleName(tr("Question"));
    questionBox_->setToolTip(tr("The question; the list keeps your earlier questions"));
    questionBox_->addItems(QSettings().value(kHistoryKey).toStringList());
    questionBox_->setCurrentIndex(-1);
    askButton_->setObjectName("AskButton");
    askButton_->setToolTip(tr("Generate the model's answer (Ctrl+Return)"));
    askButton_->setShortcut(QKeySequence("Ctrl+Return"));
    connect(askButton_, &QPushButton::clicked, this, &AskPanel::ask);
    connect(questionBox_->lineEdit(), &QLineEdit::returnPressed, this, &AskPanel::ask);

    answerLabel_->setObjectName("AnswerLabel");
    answerLabel_->setWordWrap(true);
    answerLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    answerLabel_->setAccessibleName(tr("Answer"));
    QFont big = answerLabel_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    answerLabel_->setFont(big);

    scoreEdit_->setObjectName("ScoreEdit");
    scoreEdit_->setPlaceholderText(tr("Optional: an answer to score under teacher forcing"));
    scoreEdit_->setAccessibleName(tr("Answer to score"));
    scoreEdit_->setToolTip(tr("The model is fed this answer token by token; the score is how "
                              "many of its tokens the model would have predicted itself"));
    scoreLabel_->setObjectName("ScoreLabel");
    scoreLabel_->setWordWrap(true);
    scoreLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bypassBox_->setToolTip(tr("Answer with every edit bypassed, to compare with the edited model"));

    maxTokens_->setRange(1, 128);
    maxTokens_->setValue(16);
    maxTokens_->setToolTip(tr("The most tokens to generate"));
    beams_->setRange(1, 8);
    beams_->setToolTip(tr("Beam search width; 1 is greedy decoding"));
    topK_->setRange(0, 20);
    topK_->setValue(5);
    topK_->setToolTip(tr("Alternatives listed per token on hover"));
    auto* settings = new QFormLayout(settingsBox_);
    settings->addRow(tr("Max new tokens"), maxTokens_);
    settings->addRow(tr("Beams"), beams_);
    settings->addRow(tr("Top-k shown"), topK_);
    settingsBox_->setCheckable(true);
    settingsBox_->setChecked(false);
    // A collapsible group: unchecked hides the fields but keeps their values.
    auto setFieldsVisible = [this](bool on) {
        for (QWidget* w : {static_cast<QWidget*>(maxTokens_), static_cast<QWidget*>(beams_),
                           static_cast<QWidget*>(topK_)})
            w->setVisible(on);
        for (QLabel* label : settingsBox_->findChildren<QLabel*>())
            label->setVisible(on);
    };
    connect(settingsBox_, &QGroupBox::toggled, this, setFieldsVisible);
    setFieldsVisible(false);

    auto* row = new QHBoxLayout;
    row->addWidget(questionBox_, 1);
    row->addWidget(askButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(scoreEdit_);
    layout->addWidget(bypassBox_);
    layout->addWidget(answerLabel_);
    layout->addWidget(chips_);
    layout->addWidget(scoreLabel_);
    layout->addWidget(settingsBox_);
    layout->addStretch(1);

    connect(worker_, &EngineWorker::answered, this, &AskPanel::onAnswered);
    connect(worker_, &EngineWorker::failed, this,
            [this](const QString& job, int request, int, const QString&) {
                if (job == "ask" && request == request_)
                    answerLabel_->setText(tr("No answer: see the message above."));
            });
}

QString AskPanel::question() const {
    return questionBox_->currentText().trimmed();
}

void AskPanel::setQuestion(const QString& question) {
    questionBox_->setEditText(question);
}

QString AskPanel::scoreAnswerText() const {
    return scoreEdit_->text().trimmed();
}

void AskPanel::setScoreAnswer(const QString& answer) {
    scoreEdit_->setText(answer);
}

unike::GenerationParams AskPanel::generation() const {
    unike::GenerationParams params;
    params.maxNewTokens = maxTokens_->value();
    params.numBeams = beams_->value();
    params.topK = topK_->value();
    return params;
}

void AskPanel::rememberQuestion(const QString& question) {
    const int existing = questionBox_->findText(question);
    if (existing >= 0)
        questionBox_->removeItem(existing);
    questionBox_->insertItem(0, question);
    while (questionBox_->count() > kHistorySize)
        questionBox_->removeItem(questionBox_->count() - 1);
    questionBox_->setCurrentIndex(0);
    QStringList history;
    for (int i = 0; i < questionBox_->count(); ++i)
        history << questionBox_->itemText(i);
    QSettings().setValue(kHistoryKey, history);
}

void AskPanel::ask() {
    const QString text = question();
    if (text.isEmpty()) {
        emit inputRejected(tr("Type a question first."));
        return;
    }
    rememberQuestion(text);
    unike::AskParams params;
    params.image = image_;
    params.question = text.toStdString();
    params.generation = generation();
    params.bypassEdits = bypassBox_->isChecked();
    if (!scoreAnswerText().isEmpty())
        params.scoreAnswer = scoreAnswerText().toStdString();
    lastParams_ = params;
    asked_ = true;
    answerLabel_->setText(tr("Thinking…"));
    request_ = worker_->ask(params);
}

void AskPanel::reask() {
    if (!asked_)
        return;
    request_ = worker_->ask(lastParams_);
}

void AskPanel::onAnswered(int request, const unike::AskResult& result) {
    if (request != request_)
        return;
    answer_ = QString::fromStdString(result.answer).trimmed();
    answerLabel_->setText(answer_.isEmpty() ? tr("(empty answer)") : answer_);
    answerLabel_->setToolTip(tr("Prompt: %1\n%2 s")
                                 .arg(QString::fromStdString(result.prompt))
                                 .arg(result.seconds, 0, 'f', 3));
    chips_->setTokens(result.tokens);
    if (result.score) {
        scoreLabel_->setText(tr("Score of “%1”: token accuracy %2%, log-likelihood %3 "
                                "(the model would say: %4)")
                                 .arg(QString::fromStdString(result.score->answer))
                                 .arg(100.0 * result.score->tokenAccuracy, 0, 'f', 0)
                                 .arg(result.score->logLikelihood, 0, 'f', 2)
                                 // Tokens carry their leading space ("Ġblue"): trimmed,
                                 // or the label reads "would say:  blue".
                                 .arg(QString::fromStdString([&] {
                                          std::string joined;
                                          for (const std::string& t : result.score->argmaxTokens)
                                              joined += t;
                                          return joined;
                                      }())
                                          .trimmed()));
    } else {
        scoreLabel_->clear();
    }
    emit answered(QString::fromStdString(lastParams_.question), answer_);
}

} // namespace unike::ui
