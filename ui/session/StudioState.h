#pragma once
// The Studio's own part of a session, stored as the session's user JSON: what
// the panels showed (image, question, target, rephrasings, method...), so that
// reopening a session restores the workbench and not only the edits.

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace unike::ui {

struct StudioState {
    QString imagePath;
    QString question;
    QString target;
    QStringList rephrasings;
    QStringList extraImages;
    QString method = "unike";
    QString hyperParamsJson;
    QString overrides;

    QString toJson() const;
    // Missing fields keep their defaults; malformed JSON gives the default state.
    static StudioState fromJson(const QString& json);
};

} // namespace unike::ui
