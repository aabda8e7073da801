#pragma once
// Reading entry (docs/app.md, "Entering readings"): one card per meter in service, in the route
// order of the current campaign, for one planned round. A value typed on the keypad is checked by the
// store's plausibility checks before it is saved (each warning needs a reason), then saved at once
// as one committed change; a second value in the same round is an edit of that reading (its history
// keeps the first). A meter can be skipped with a reason, found by its id, serial or QR text.

#include "record_list_model.h"
#include "session_follower.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <optional>
#include <string>
#include <vector>

class ReadingEntryController : public SessionFollower {
    Q_OBJECT
    QML_ELEMENT

    // `session`: the open project; the cards are made again whenever it is read again.
    /// The planned round being read (ISO time with offset); empty: the round due now, or none.
    Q_PROPERTY(QString round READ round WRITE setRound NOTIFY roundChanged)
    /// The current campaign's planned rounds, for choosing one.
    Q_PROPERTY(QStringList rounds READ rounds NOTIFY cardsChanged)
    /// The time readings are saved with (ISO with offset); empty: the moment of saving.
    Q_PROPERTY(QString readingTime READ readingTime WRITE setReadingTime NOTIFY readingTimeChanged)
    /// One card per meter in route order: meterId, location, kind, unit, lastValue, lastTime,
    /// expected (text), state (pending, on-time, late, skipped, missed), value, readingId, reason.
    Q_PROPERTY(RecordListModel* cards READ cards CONSTANT)
    /// The card shown, and its fields (as in `cards`).
    Q_PROPERTY(int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentChanged)
    Q_PROPERTY(QVariantMap current READ current NOTIFY currentChanged)
    /// Meters read or skipped in the round, and all meters of the round.
    Q_PROPERTY(int doneCount READ doneCount NOTIFY cardsChanged)
    Q_PROPERTY(int count READ count NOTIFY cardsChanged)
    /// The plausibility warnings of the value last checked, in plain words (a reason is needed).
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY checkedChanged)
    /// What went wrong, or what was saved, in plain words; `messageIsError` tells which.
    Q_PROPERTY(QString message READ message NOTIFY checkedChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY checkedChanged)

public:
    explicit ReadingEntryController(QObject* parent = nullptr);

    QString round() const { return round_; }
    void setRound(const QString& round);
    QStringList rounds() const { return rounds_; }
    QString readingTime() const { return readingTime_; }
    void setReadingTime(const QString& time);
    RecordListModel* cards() const { return cards_; }
    int currentIndex() const { return currentIndex_; }
    void setCurrentIndex(int index);
    QVariantMap current() const { return cards_->get(currentIndex_); }
    int doneCount() const { return doneCount_; }
    int count() const { return cards_->count(); }
    QStringList warnings() const { return warnings_; }
    QString message() const { return message_; }
    bool messageIsError() const { return messageIsError_; }

    /// Checks the typed value for the current meter: false (and `message`) when it is no reading at
    /// all; else true, with the store's plausibility `warnings` (possibly none).
    Q_INVOKABLE bool check(const QString& valueText);
    /// Saves the typed value for the current meter, committed before it returns (an edit when the
    /// meter was read in this round already). `reason` is required when there are warnings and for
    /// an edit; `photoPath` (a file or file: URL; optional) is the register's photo. Moves to the next
    /// meter not yet done. False with `message` when nothing was saved.
    Q_INVOKABLE bool save(const QString& valueText, const QString& reason = {},
                          const QString& photoPath = {});
    /// A new file for the camera to write the current meter's photo to (a JPEG in the camera's
    /// folder under the temporary directory); `save` reads it like a photo chosen from a file and
    /// removes it once its bytes are in the project. Empty (and `message`) when the folder cannot
    /// be made.
    Q_INVOKABLE QString cameraPhotoFile();
    /// Records that the current meter is not read in this round, and why (required).
    Q_INVOKABLE bool skip(const QString& reason);
    /// Shows the card of the meter whose id, serial or QR text is `text` (a scanner types the QR
    /// payload): exact first, else the only one containing it. False with `message` otherwise.
    Q_INVOKABLE bool find(const QString& text);
    /// Finds the meter whose QR label is in the picture (the camera's still, path or file URL), as
    /// `find` does with the code's text; the camera's file is removed. False with `message` when no
    /// code can be read or it names no meter.
    Q_INVOKABLE bool findByPicture(const QString& picture);
    Q_INVOKABLE void next();
    Q_INVOKABLE void previous();

signals:
    void roundChanged();
    void readingTimeChanged();
    void cardsChanged();
    void currentChanged();
    void checkedChanged();
    /// A reading was committed (tests and the benchmark wait for it).
    void saved(const QString& meterId);

protected:
    void follow() override { rebuild(); }

private:
    void rebuild();
    void say(const QString& message, bool error);
    void clearCheck();
    /// The typed value as a number, or nullopt with `message` set.
    std::optional<double> parseValue(const QString& valueText);
    /// The time a reading typed now is saved with.
    std::string entryTime() const;
    /// Removes a photo the camera wrote (in its temporary folder) once the reading holding it is saved.
    static void removeCameraPhoto(const QString& photoPath);
    /// Moves to the next card not yet done after the current one (wrapping); stays when all are done.
    void advance();

    RecordListModel* cards_;
    QString round_;
    QString readingTime_;
    QStringList rounds_;
    int currentIndex_ = 0;
    int doneCount_ = 0;
    QStringList warnings_;
    QString message_;
    bool messageIsError_ = false;
};
