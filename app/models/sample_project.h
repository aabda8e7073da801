#pragma once
// The sample project: a ready water-balance test of the bundled sample works (the shipped
// plants/sample-campaign.json, found through shippedDataDir()) with its test window planned over the
// readings, so that a first run shows every step with real figures. It is made once in the user's
// data folder ($SHUIHENG_SAMPLE_DIR, else $XDG_DATA_HOME/shuiheng/sample, i.e.
// ~/.local/share/shuiheng/sample) and opened from there afterwards, with whatever the user changed
// in it. A sample that no longer opens is left where it is, and a fresh one is made beside it.

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class ProjectSession;

class SampleProject : public QObject {
    Q_OBJECT
    QML_ELEMENT

    /// The folder the sample lives in; defaultFolder() unless set (the screenshots use a scratch one).
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    /// What the user should know about the last openIn(), in plain words: that a damaged sample was
    /// left alone and a fresh one made beside it, or why no sample could be made. Empty otherwise.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    explicit SampleProject(QObject* parent = nullptr);

    /// $SHUIHENG_SAMPLE_DIR, else $XDG_DATA_HOME/shuiheng/sample (~/.local/share/shuiheng/sample).
    static QString defaultFolder();
    /// The shipped plant file the sample is made from; empty when the shipped data are not found.
    static QString sourcePlant();

    QString folder() const { return folder_; }
    void setFolder(const QString& folder);
    QString notice() const { return notice_; }

    /// Opens the sample in `session`: the first sample file of the folder that opens
    /// (sample.shuiheng, then sample-2.shuiheng, …), else a new one made at the first free name.
    /// Nothing is ever overwritten. False (with the notice) when no sample could be opened or made.
    Q_INVOKABLE bool openIn(ProjectSession* session);

signals:
    void folderChanged();
    void noticeChanged();

private:
    /// Makes the sample at `path` (which must not exist): written beside it first and moved into
    /// place once complete, so that a killed app never leaves half a sample to be reused.
    bool make(const QString& path);
    /// Plans the test window over the sample's readings (2026-06-01 to 06-04, daily at 08:00,
    /// +08:00), so that the rounds and the reading entry have something to show.
    bool planWindow(const QString& path);
    bool fail(const QString& text);
    void setNotice(const QString& text);

    QString folder_;
    QString notice_;
};
