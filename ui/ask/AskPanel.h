#pragma once
// Ask: a question about the current image (with a history), the answer token by
// token with probabilities, the score of a typed answer under teacher forcing,
// and the generation settings.

#include <unike/ModelTypes.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace unike::ui {

class EngineWorker;
class TokenChipView;

class AskPanel : public QWidget {
    Q_OBJECT

public:
    explicit AskPanel(EngineWorker* worker, QWidget* parent = nullptr);

    QString question() const;
    void setQuestion(const QString& question);
    QString answer() const { return answer_; }
    QString scoreAnswerText() const;
    void setScoreAnswer(const QString& answer);
    // The image asked about; empty means a text-only question.
    void setImage(const unike::ImageInput& image) { image_ = image; }
    unike::GenerationParams generation() const;
    bool hasAsked() const { return asked_; }

public slots:
    void ask();
    // Asks again with the last question, when there was one (after edits change).
    void reask();

signals:
    void answered(const QString& question, const QString& answer);
    void inputRejected(const QString& message);

private:
    void onAnswered(int request, const unike::AskResult& result);
    void rememberQuestion(const QString& question);

    EngineWorker* worker_ = nullptr;
    unike::ImageInput image_;
    QComboBox* questionBox_ = nullptr;
    QPushButton* askButton_ = nullptr;
    QLabel* answerLabel_ = nullptr;
    TokenChipView* chips_ = nullptr;
    QLineEdit* scoreEdit_ = nullptr;
    QLabel* scoreLabel_ = nullptr;
    QCheckBox* bypassBox_ = nullptr;
    QGroupBox* settingsBox_ = nullptr;
    QSpinBox* maxTokens_ = nullptr;
    QSpinBox* beams_ = nullptr;
    QSpinBox* topK_ = nullptr;
    int request_ = 0;
    bool asked_ = false;
    QString answer_;
    unike::AskParams lastParams_;
};

} // namespace unike::ui
