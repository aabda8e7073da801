// The signed leader application package: keygen (secret key 0600), package of the sample, verify OK;
// then every byte of the manifest and the signature, and bytes at the start, middle and end of every
// other file, changed one at a time: verify fails and names that file. Files added or removed are
// named; a package signed with another key fails against the trusted key; a secret key readable by
// others is refused; an application missing a field or a year is refused naming it.

#include "report/package.h"
#include "report_test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

namespace {

const QString applicationFile = SHUIHENG_REPORT_TEST_DATA "/application.json";

QByteArray readAll(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// Every file of the verification result's lists and problems, as one text.
QString named(const shuiheng::report::VerifyResult& r) {
    QStringList all;
    for (const auto* list : {&r.changed, &r.removed, &r.added, &r.problems})
        for (const std::string& s : *list)
            all << QString::fromStdString(s);
    return all.join(" | ");
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString secret, pub, package;
    std::optional<shuiheng::report::AgencyKey> trusted;

    shuiheng::report::VerifyResult verify() {
        return shuiheng::report::verifyPackage(package.toStdString(), trusted);
    }

private slots:
    void initTestCase() {
        secret = dir.filePath("agency.key");
        pub = dir.filePath("agency.pub");
        Run r = run({"keygen", "--secret", secret, "--public", pub, "--agency", "示例水平衡测试中心"});
        QVERIFY2(r.exitCode == 0, describe(r));
        struct stat st {};
        QCOMPARE(::stat(secret.toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        r = run({"keygen", "--secret", secret, "--public", dir.filePath("other.pub"), "--agency", "x"});
        QCOMPARE(r.exitCode, 2); // never overwrites a key
        package = dir.filePath("application");
        r = run(
            {"package", sampleCampaign, "--enterprise", applicationFile, "--key", secret, "--out", package});
        QVERIFY2(r.exitCode == 0, describe(r));
        std::string error;
        trusted = shuiheng::report::readKey(pub.toStdString(), false, error);
        QVERIFY2(trusted.has_value(), error.c_str());
    }

    void contents() {
        for (const char* f : {"application.json", "report.pdf", "data/plant.json", "data/results.json",
                              "manifest.json", "manifest.sig"})
            QVERIFY2(QFile::exists(package + "/" + f), f);
        const QJsonObject app = QJsonDocument::fromJson(readAll(package + "/application.json")).object();
        QCOMPARE(app["years"].toArray().size(), 3);
        QCOMPARE(app["enterprise"].toObject()["creditCode"].toString(), QString("91630000000000000X"));
        QVERIFY(app["enterprise"].toObject()["contact"].toObject().contains("phone"));
        const QJsonObject results = QJsonDocument::fromJson(readAll(package + "/data/results.json")).object();
        QCOMPARE(results["balance"].toObject()["streams"].toArray().size(),
                 cliJson({"balance", sampleCampaign, "--json"})["streams"].toArray().size());
        QVERIFY(squeezed(pdfText(package + "/report.pdf", 1, 1)).contains("水平衡测试报告书"));
    }

    void verifiesThroughTheCli() {
        Run r = run({"verify", package, "--key", pub});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY(r.out.contains("OK 4 files"));
        r = run({"verify", package});
        QVERIFY2(r.exitCode == 0 && r.out.contains("integrity checked"), describe(r));
    }

    // Any byte of the manifest or the signature; first, middle and last bytes of the others.
    void everyChangedByteIsNamed() {
        QVERIFY(verify().ok);
        QDirIterator it(package, QDir::Files, QDirIterator::Subdirectories);
        int tried = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = QDir(package).relativeFilePath(path);
            const QByteArray original = readAll(path);
            std::vector<qsizetype> positions;
            if (name.startsWith("manifest"))
                for (qsizetype k = 0; k < original.size(); ++k)
                    positions.push_back(k);
            else
                positions = {0, original.size() / 2, original.size() - 1};
            for (qsizetype at : positions) {
                QByteArray changed = original;
                changed[at] = static_cast<char>(changed[at] ^ 0x01);
                writeAll(path, changed);
                const auto r = verify();
                QVERIFY2(!r.ok, qPrintable(QString("%1 byte %2 changed, still verifies").arg(name).arg(at)));
                QVERIFY2(named(r).contains(name),
                         qPrintable(QString("%1 byte %2: %3").arg(name).arg(at).arg(named(r))));
                ++tried;
            }
            writeAll(path, original);
        }
        QVERIFY(tried > 500);
        QVERIFY(verify().ok);
        // And through the CLI, one of them.
        const QString pdf = package + "/report.pdf";
        const QByteArray original = readAll(pdf);
        QByteArray changed = original;
        changed[100] = static_cast<char>(changed[100] ^ 0x20);
        writeAll(pdf, changed);
        const Run r = run({"verify", package, "--key", pub});
        writeAll(pdf, original);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains("CHANGED report.pdf"), describe(r));
    }

    void addedAndRemoved() {
        writeAll(package + "/data/extra.txt", "not signed");
        auto r = verify();
        QVERIFY(!r.ok);
        QCOMPARE(r.added, std::vector<std::string>{"data/extra.txt"});
        QFile::remove(package + "/data/extra.txt");
        const QByteArray plant = readAll(package + "/data/plant.json");
        QFile::remove(package + "/data/plant.json");
        r = verify();
        QVERIFY(!r.ok);
        QCOMPARE(r.removed, std::vector<std::string>{"data/plant.json"});
        writeAll(package + "/data/plant.json", plant);
        QVERIFY(verify().ok);
    }

    void anotherKeyFails() {
        const QString otherSecret = dir.filePath("other.key"), otherPublic = dir.filePath("other2.pub");
        Run r = run({"keygen", "--secret", otherSecret, "--public", otherPublic, "--agency", "冒名机构"});
        QVERIFY2(r.exitCode == 0, describe(r));
        const QString forged = dir.filePath("forged");
        r = run({"package", sampleCampaign, "--enterprise", applicationFile, "--key", otherSecret, "--out",
                 forged});
        QVERIFY2(r.exitCode == 0, describe(r));
        r = run({"verify", forged, "--key", pub});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains("manifest.sig: signed with another key"), describe(r));
        r = run({"verify", forged, "--key", otherPublic});
        QCOMPARE(r.exitCode, 0);
    }

    void looseSecretKeyRefused() {
        const QString loose = dir.filePath("loose.key");
        QFile::copy(secret, loose);
        QFile::setPermissions(loose,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const Run r = run({"package", sampleCampaign, "--enterprise", applicationFile, "--key", loose,
                           "--out", dir.filePath("p2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("readable by others"), describe(r));
        QVERIFY(!QFile::exists(dir.filePath("p2")));
    }

    void incompleteApplicationRefused() {
        QJsonObject app = QJsonDocument::fromJson(readAll(applicationFile)).object();
        QJsonObject form = app["application"].toObject();
        form.remove("legalRepresentative");
        app["application"] = form;
        const QString local = dir.filePath("app.json");
        // The years name a plant relative to the file: keep only the inline years and drop to two.
        QJsonArray years = app["years"].toArray();
        years.removeFirst();
        app["years"] = years;
        writeAll(local, QJsonDocument(app).toJson());
        Run r = run(
            {"package", sampleCampaign, "--enterprise", local, "--key", secret, "--out", dir.filePath("p3")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("application.legalRepresentative"), describe(r));
        form["legalRepresentative"] = "王五";
        app["application"] = form;
        writeAll(local, QJsonDocument(app).toJson());
        r = run(
            {"package", sampleCampaign, "--enterprise", local, "--key", secret, "--out", dir.filePath("p3")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("years: 2"), describe(r));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
