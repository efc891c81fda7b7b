#include "HistoryPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace unike::ui {
namespace {
enum Column { NameColumn, MethodColumn, TargetColumn, StepsColumn };
constexpr int kIdRole = Qt::UserRole;
} // namespace

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , tree_(new QTreeWidget)
    , details_(new QTextBrowser)
    , summary_(new QLabel)
    , renameButton_(new QPushButton(tr("Rename…")))
    , removeButton_(new QPushButton(tr("Remove"))) {
    setObjectName("HistoryPanel");
    tree_->setObjectName("EditTree");
    tree_->setAccessibleName(tr("Edits"));
    tree_->setToolTip(tr("Tick an edit to make it live; double-click its name to rename it"));
    tree_->setHeaderLabels({tr("Edit"), tr("Method"), tr("Target"), tr("Steps")});
    tree_->setRootIsDecorated(false);
    tree_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    details_->setObjectName("EditDetails");
    details_->setAccessibleName(tr("Edit details"));
    summary_->setObjectName("LiveSummary");
    summary_->setAccessibleName(tr("Live edits"));
    renameButton_->setToolTip(tr("Rename the selected edit (undoable)"));
    removeButton_->setToolTip(tr("Remove the selected edit (undoable)"));
    connect(renameButton_, &QPushButton::clicked, this, &HistoryPanel::renameCurrent);
    connect(removeButton_, &QPushButton::clicked, this, &HistoryPanel::removeCurrent);
    connect(tree_, &QTreeWidget::itemChanged, this, &HistoryPanel::onItemChanged);
    connect(tree_, &QTreeWidget::currentItemChanged, this, &HistoryPanel::showDetails);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(summary_, 1);
    buttons->addWidget(renameButton_);
    buttons->addWidget(removeButton_);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(tree_);
    splitter->addWidget(details_);
    splitter->setStretchFactor(0, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    setEdits({});
}

int HistoryPanel::liveCount() const {
    int live = 0;
    for (const unike::EditSummary& edit : edits_)
        live += edit.enabled ? 1 : 0;
    return live;
}

int HistoryPanel::editCount() const {
    return static_cast<int>(edits_.size());
}

void HistoryPanel::setEdits(const EditList& all) {
    const int currentId =
        tree_->currentItem() ? tree_->currentItem()->data(NameColumn, kIdRole).toInt() : -1;
    edits_.clear();
    edits_ = all; // the engine lists only edits that are not removed
    filling_ = true;
    tree_->clear();
    for (const unike::EditSummary& edit : edits_) {
        auto* item = new QTreeWidgetItem(tree_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        item->setText(NameColumn, QString::fromStdString(edit.name));
        item->setCheckState(NameColumn, edit.enabled ? Qt::Checked : Qt::Unchecked);
        item->setData(NameColumn, kIdRole, edit.id);
        item->setText(MethodColumn, QString::fromStdString(edit.method));
        item->setText(TargetColumn, QString::fromStdString(edit.target));
        item->setText(StepsColumn, QString::number(edit.steps));
        item->setToolTip(NameColumn, edit.enabled ? tr("Live") : tr("Switched off"));
        if (!edit.enabled)
            for (int c = 0; c < tree_->columnCount(); ++c)
                item->setForeground(c, palette().color(QPalette::Disabled, QPalette::Text));
        if (edit.id == currentId)
            tree_->setCurrentItem(item);
    }
    if (!tree_->currentItem() && tree_->topLevelItemCount() > 0)
        tree_->setCurrentItem(tree_->topLevelItem(tree_->topLevelItemCount() - 1));
    filling_ = false;
    summary_->setText(edits_.empty() ? tr("No edits yet.")
                                     : tr("%1 of %2 edits live").arg(liveCount()).arg(editCount()));
    renameButton_->setEnabled(!edits_.empty());
    removeButton_->setEnabled(!edits_.empty());
    showDetails();
}

void HistoryPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (filling_ || column != NameColumn)
        return;
    const int id = item->data(NameColumn, kIdRole).toInt();
    for (const unike::EditSummary& edit : edits_) {
        if (edit.id != id)
            continue;
        const QString name = QString::fromStdString(edit.name);
        const bool checked = item->checkState(NameColumn) == Qt::Checked;
        if (checked != edit.enabled)
            emit toggleRequested(id, name, checked);
        else if (item->text(NameColumn).trimmed() != name &&
                 !item->text(NameColumn).trimmed().isEmpty())
            emit renameRequested(id, name, item->text(NameColumn).trimmed());
        return;
    }
}

void HistoryPanel::renameCurrent() {
    QTreeWidgetItem* item = tree_->currentItem();
    if (!item)
        return;
    bool ok = false;
    const QString old = item->text(NameColumn);
    const QString name =
        QInputDialog::getText(this, tr("Rename Edit"), tr("Name"), QLineEdit::Normal, old, &ok);
    if (ok && !name.trimmed().isEmpty() && name.trimmed() != old)
        emit renameRequested(item->data(NameColumn, kIdRole).toInt(), old, name.trimmed());
}

void HistoryPanel::removeCurrent() {
    if (QTreeWidgetItem* item = tree_->currentItem())
        emit removeRequested(item->data(NameColumn, kIdRole).toInt(), item->text(NameColumn));
}

void HistoryPanel::showDetails() {
    QTreeWidgetItem* item = tree_->currentItem();
    if (!item) {
        details_->setHtml(tr("<i>Select an edit to see where it came from.</i>"));
        return;
    }
    const int id = item->data(NameColumn, kIdRole).toInt();
    for (const unike::EditSummary& e : edits_) {
        if (e.id != id)
            continue;
        QStringList layers;
        for (int layer : e.layers)
            layers << QString::number(layer);
        auto row = [](const QString& key, const QString& value) {
            return QString("<tr><td><b>%1</b></td><td>%2</td></tr>")
                .arg(key, value.toHtmlEscaped());
        };
        QString html = "<table cellspacing='4'>";
        html += row(tr("Edit"), QString("#%1 %2").arg(e.id).arg(QString::fromStdString(e.name)));
        html += row(tr("State"), e.enabled ? tr("live") : tr("switched off"));
        html += row(tr("Method"), QString::fromStdString(e.method));
        html += row(tr("Prompt"), QString::fromStdString(e.prompt));
        html += row(tr("Target"), QString::fromStdString(e.target));
        html += row(tr("Layers"), layers.join(", "));
        html += row(tr("Steps"), QString("%1 in %2 s").arg(e.steps).arg(e.seconds, 0, 'f', 2));
        html += row(tr("Added norm"), QString::number(e.addedNorm, 'g', 4));
        html += row(tr("Image hash"), QString::fromStdString(e.imageHash));
        html += row(tr("Created"), QString::fromStdString(e.createdAt));
        html += row(tr("Hyperparameters"), QString::fromStdString(e.hyperParamsJson));
        details_->setHtml(html + "</table>");
    }
}

} // namespace unike::ui
