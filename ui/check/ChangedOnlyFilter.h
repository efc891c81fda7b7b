#pragma once
// Shows only the probes whose answer changed (or, for generality, missed), when on.

#include <QSortFilterProxyModel>

namespace unike::ui {

class ChangedOnlyFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ChangedOnlyFilter(int role, bool showWhen, QObject* parent = nullptr);

    void setEnabled(bool on);
    bool isEnabled() const { return enabled_; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    int role_;
    bool showWhen_;
    bool enabled_ = false;
};

} // namespace unike::ui
