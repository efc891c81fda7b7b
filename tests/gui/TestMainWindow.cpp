#include "main/MainWindow.h"
#include "tour/GuidedTour.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QUndoCommand>
#include <QUndoStack>
#include <QtTest>

namespace {
class NoopCommand : public QUndoCommand {
public:
    NoopCommand() { setText("noop"); }
    void undo() override {}
    void redo() override {}
};
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("UniKE-test");
        QCoreApplication::setApplicationName("TestMainWindow");
    }

    void hasTheWorkbenchDocks() {
        unike::ui::MainWindow window;
        const QStringList expected = {"AskDock",   "CorrectDock", "HistoryDock",
                                      "CheckDock", "SpacesDock",  "LogDock"};
        for (const QString& name : expected)
            QVERIFY2(window.dock(name) != nullptr, qPrintable(name));
    }

    void hasTheMenus() {
        unike::ui::MainWindow window;
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text().remove('&');
        QCOMPARE(titles, QStringList({"File", "Edit", "View", "Run", "Help"}));
    }

    void resetLayoutShowsClosedDocks() {
        unike::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDockWidget* log = window.dock("LogDock");
        log->close();
        QVERIFY(log->isHidden());
        window.resetLayout();
        QVERIFY(!log->isHidden());
    }

    void guidedTourHasTheSixTeachingStepsAndMore() {
        unike::ui::MainWindow window;
        window.showTour();
        auto* tour = window.findChild<unike::ui::GuidedTour*>();
        QVERIFY(tour);
        QCOMPARE(tour->stepCount(), 7);
        tour->next();
        QCOMPARE(tour->currentStep(), 1);
        tour->goTo(99);
        QCOMPARE(tour->currentStep(), 1);
    }

    void everyDockAndActionIsNamedForAccessibility() {
        unike::ui::MainWindow window;
        for (const QString& name : window.dockNames())
            QVERIFY2(!window.dock(name)->accessibleName().isEmpty(), qPrintable(name));
        for (QAction* menu : window.menuBar()->actions())
            for (QAction* action : menu->menu()->actions())
                QVERIFY(action->isSeparator() || !action->text().isEmpty());
    }

    void modifiedMarkFollowsUndoStack() {
        unike::ui::MainWindow window;
        QVERIFY(!window.isWindowModified());
        window.undoStack()->push(new NoopCommand);
        QVERIFY(window.isWindowModified());
        window.undoStack()->undo();
        QVERIFY(!window.isWindowModified());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
