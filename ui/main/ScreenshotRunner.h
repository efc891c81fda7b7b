#pragma once
// `unike-studio --screenshots DIR`: drives the window through the main states on
// the demo model (ask, edit running, edit applied, check, spaces) and saves a PNG
// of each, so the README's pictures can be regenerated and stay current. A state
// whose engine side fails is skipped with a message, and the run goes on.

#include <QDir>
#include <QObject>
#include <QStringList>

namespace unike::ui {

class MainWindow;

class ScreenshotRunner : public QObject {
    Q_OBJECT

public:
    ScreenshotRunner(MainWindow* window, const QString& folder, QObject* parent = nullptr);

    void start();
    QStringList written() const { return written_; }
    QStringList skipped() const { return skipped_; }

signals:
    void finished(bool ok);

private:
    void step(int next);
    void shoot(const QString& name);

    MainWindow* window_;
    QDir folder_;
    int step_ = 0;
    bool editShot_ = false;
    QStringList written_;
    QStringList skipped_;
};

} // namespace unike::ui
