#pragma once
// What the report tests share: the sample with campaign data, the contract's JSON documents of it,
// and external tools run as processes (pdftotext, pdftoppm, unzip).

#include "../cli/cli_runner.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

const QString sampleCampaign = SHUIHENG_DATA_DIR "/plants/sample-campaign.json";

/// shuiheng-cli with these arguments must exit 0 and print a JSON object.
QJsonObject cliJson(const QStringList& arguments);

/// Runs a program; its standard output, or a fatal failure naming the command.
QByteArray tool(const QString& program, const QStringList& arguments);

/// The text of a PDF (all pages, or pages first..last), by pdftotext: in its reading order, kept in
/// the physical layout (`layout`), or in the order it was drawn (`raw`: the report draws it in
/// reading order, and pdftotext's column guess splits a heading at its wide ideographic space).
QString pdfText(const QString& pdf, int first = 0, int last = 0, bool layout = false, bool raw = false);

/// The text without any white space: table cells may wrap, numbers stay whole.
QString squeezed(const QString& text);

/// The site indicator of an `indicators --json` document.
QJsonObject siteIndicator(const QJsonObject& doc, const QString& key);
