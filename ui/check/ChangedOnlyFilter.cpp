#include "ChangedOnlyFilter.h"

namespace unike::ui {

ChangedOnlyFilter::ChangedOnlyFilter(int role, bool showWhen, QObject* parent)
    : QSortFilterProxyModel(parent)
    , role_(role)
    , showWhen_(showWhen) {}

void ChangedOnlyFilter::setEnabled(bool on) {
    enabled_ = on;
    invalidateFilter();
}

bool ChangedOnlyFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
    if (!enabled_)
        return true;
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    return sourceModel()->data(index, role_).toBool() == showWhen_;
}

} // namespace unike::ui
