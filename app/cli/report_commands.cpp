// shuiheng-cli report, sankey, export-xlsx, keygen, package, verify, labels: the documents of a test,
// the signed leader application and the meters' QR labels (docs/report.md).

#include "campaign/meter_route.h"
#include "cli/balance_json.h"
#include "cli/benchmarking_commands.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/gui_application.h"
#include "cli/load.h"
#include "cli/store_support.h"
#include "indicators/indicator_json.h"
#include "io/atomic_file.h"
#include "io/plant_file.h"
#include "report/application.h"
#include "report/meter_labels.h"
#include "report/package.h"
#include "report/prepared_report.h"
#include "report/report_figures.h"
#include "report/report_pdf.h"
#include "report/report_strings.h"
#include "report/xlsx_export.h"

#include <QDateTime>
#include <QGuiApplication>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace shuiheng::cli {
namespace {

using namespace report;

struct SourceArgs {
    std::string path;
    std::string lang = "zh";
    std::string templates;
    double alpha = 0.05;
};

void addSourceOptions(CLI::App* cmd, SourceArgs& args) {
    cmd->add_option("FILE", args.path, "plant file (with campaign data) or project file (.shuiheng)")
        ->required();
    cmd->add_option("--lang", args.lang, "language of the document: zh or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    cmd->add_option("--templates", args.templates,
                    "a directory with report.html.mustache and report.<lang>.json");
    cmd->add_option("--alpha", args.alpha, "significance level of the balance tests")
        ->check(CLI::Range(1e-9, 0.5))
        ->capture_default_str();
}

/// The source, its results and the words, or nullopt with the exit status set.
std::optional<PreparedReport> load(const SourceArgs& args, int& status) {
    ResultOptions options;
    options.alpha = args.alpha;
    options.quotaDir = (shippedDataDir() / "quotas").string();
    options.userQuotaDir = userQuotaDir("").string();
    std::string error;
    auto prepared = prepareReport(args.path, args.lang, args.templates, options, error);
    if (!prepared) {
        std::cerr << error << '\n';
        status = error.find("could not be computed") != std::string::npos ? exitInternal : exitInvalidInput;
        return std::nullopt;
    }
    if (!prepared->warning.empty())
        std::cerr << "warning: " << prepared->warning << '\n';
    return prepared;
}

int writeBytes(const std::string& path, const QByteArray& bytes) {
    const std::string error = writeFileAtomically(
        path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (error.empty())
        return exitOk;
    std::cerr << error << '\n';
    return exitInvalidInput;
}

void addReportCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("report", "The water-balance test report (水平衡测试报告书) as PDF");
    auto args = std::make_shared<SourceArgs>();
    auto out = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto html = std::make_shared<std::string>();
    addSourceOptions(cmd, *args);
    cmd->add_option("--out", *out, "the PDF to write")->required();
    cmd->add_option("--date", *date, "the date printed on the cover (default: today)");
    cmd->add_option("--html", *html, "also write the HTML the PDF was laid out from");
    cmd->callback([args, out, date, html, &status] {
        const auto app = guiApplication();
        auto loaded = load(*args, status);
        if (!loaded)
            return;
        const ReportOutput report = makeReport(*loaded, *date);
        if (report.pdf.isEmpty()) {
            std::cerr << args->path << ": " << report.error << '\n';
            status = exitInternal;
            return;
        }
        if (!html->empty())
            if (const std::string error = writeFileAtomically(*html, report.html); !error.empty())
                std::cerr << error << '\n';
        status = writeBytes(*out, report.pdf);
        if (status == exitOk)
            std::cout << fmt::format("{}: {} pages\n", *out, report.pages.pageCount);
    });
}

void addSankeyCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("sankey", "The site balance as a Sankey diagram (SVG)");
    auto args = std::make_shared<SourceArgs>();
    auto out = std::make_shared<std::string>();
    addSourceOptions(cmd, *args);
    cmd->add_option("--out", *out, "the SVG file to write (default: standard output)");
    cmd->callback([args, out, &status] {
        auto loaded = load(*args, status);
        if (!loaded)
            return;
        const Sankey sankey = siteSankeyOf(loaded->source.plant, loaded->results, loaded->source.enterprise);
        for (const std::string& s : sankey.skipped)
            std::cerr << "note: stream " << s << " is left out (unobservable or reconciled below 0)\n";
        if (out->empty()) {
            std::cout << sankey.svg;
            status = exitOk;
            return;
        }
        status = writeBytes(*out, QByteArray::fromStdString(sankey.svg));
    });
}

void addXlsxCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("export-xlsx", "The standard tables of a test as a spreadsheet (.xlsx)");
    auto args = std::make_shared<SourceArgs>();
    auto out = std::make_shared<std::string>();
    addSourceOptions(cmd, *args);
    cmd->add_option("--out", *out, "the .xlsx file to write")->required();
    cmd->callback([args, out, &status] {
        auto loaded = load(*args, status);
        if (!loaded)
            return;
        if (const std::string error = exportXlsx(*out, loaded->source, loaded->results, loaded->texts.words);
            !error.empty()) {
            std::cerr << error << '\n';
            status = exitInvalidInput;
            return;
        }
        status = exitOk;
    });
}

void addKeygenCommand(CLI::App& app, int& status) {
    auto* cmd =
        app.add_subcommand("keygen", "A new Ed25519 key pair for the testing agency (secret key 0600)");
    struct Args {
        std::string secret;
        std::string pub;
        std::string agency;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--secret", args->secret, "the secret key file to create (never overwritten)")
        ->required();
    cmd->add_option("--public", args->pub, "the public key file to create, for bureaus to verify with")
        ->required();
    cmd->add_option("--agency", args->agency, "the testing agency's name, recorded in both files")
        ->required();
    cmd->callback([args, &status] {
        if (const std::string error = generateKeyPair(args->secret, args->pub, args->agency);
            !error.empty()) {
            std::cerr << error << '\n';
            status = exitInvalidInput;
            return;
        }
        std::string error;
        const auto key = readKey(args->pub, false, error);
        std::cout << fmt::format(
            "{}: secret key (mode 0600; back it up offline)\n{}: public key, fingerprint {}\n", args->secret,
            args->pub, key ? sha256Hex(key->publicKey).substr(0, 16) : "?");
        status = exitOk;
    });
}

void addPackageCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("package", "The signed leader application package (a directory)");
    auto args = std::make_shared<SourceArgs>();
    struct Extra {
        std::string enterprise;
        std::string key;
        std::string out;
        std::string date;
    };
    auto extra = std::make_shared<Extra>();
    addSourceOptions(cmd, *args);
    cmd->add_option("--enterprise", extra->enterprise,
                    "enterprise file with the application's fields and 3 years")
        ->required();
    cmd->add_option("--key", extra->key, "the agency's secret key file (shuiheng-cli keygen)")->required();
    cmd->add_option("--out", extra->out, "the package directory to create")->required();
    cmd->add_option("--date", extra->date, "the date printed on the report's cover (default: today)");
    cmd->callback([args, extra, &status] {
        const auto app = guiApplication();
        std::string error;
        const auto key = readKey(extra->key, true, error);
        if (!key) {
            std::cerr << error << '\n';
            status = exitInvalidInput;
            return;
        }
        const auto enterpriseText = readWholeFile(extra->enterprise, error);
        if (!enterpriseText) {
            std::cerr << extra->enterprise << ": " << error << '\n';
            status = exitInvalidInput;
            return;
        }
        const auto application = applicationDocument(
            *enterpriseText, std::filesystem::path(extra->enterprise).parent_path().string(), error);
        if (!application) {
            std::cerr << extra->enterprise << ": " << error << '\n';
            status = exitInvalidInput;
            return;
        }
        auto loaded = load(*args, status);
        if (!loaded)
            return;
        const ReportOutput report = makeReport(*loaded, extra->date);
        if (report.pdf.isEmpty()) {
            std::cerr << args->path << ": " << report.error << '\n';
            status = exitInternal;
            return;
        }
        nlohmann::ordered_json results{
            {"balance",
             nlohmann::ordered_json::parse(balanceJson(loaded->results.measured, loaded->results.balance))},
            {"indicators", nlohmann::ordered_json::parse(indicators::toJson(loaded->results.indicators))}};
        const std::vector<PackageFile> files = {{"application.json", application->dump(2) + "\n"},
                                                {"report.pdf", report.pdf.toStdString()},
                                                {"data/plant.json", toPlantJson(loaded->source.plant)},
                                                {"data/results.json", results.dump(2) + "\n"}};
        const std::string created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
        if (const std::string failure = writePackage(extra->out, files, *key, created); !failure.empty()) {
            std::cerr << failure << '\n';
            status = exitInvalidInput;
            return;
        }
        std::cout << fmt::format("{}: {} files signed by {} (key {})\n", extra->out, files.size(),
                                 key->agency, sha256Hex(key->publicKey).substr(0, 16));
        status = exitOk;
    });
}

void addVerifyCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("verify", "Checks a package's files and signature; names what changed");
    struct Args {
        std::string path;
        std::string key;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("PACKAGE", args->path, "the package directory")->required();
    cmd->add_option("--key", args->key, "the agency's public key to trust (without it: integrity only)");
    cmd->callback([args, &status] {
        std::optional<AgencyKey> trusted;
        if (!args->key.empty()) {
            std::string error;
            trusted = readKey(args->key, false, error);
            if (!trusted) {
                std::cerr << error << '\n';
                status = exitInvalidInput;
                return;
            }
        }
        const VerifyResult r = verifyPackage(args->path, trusted);
        for (const std::string& p : r.problems)
            std::cout << "FAILED " << p << '\n';
        for (const std::string& f : r.changed)
            std::cout << "CHANGED " << f << '\n';
        for (const std::string& f : r.removed)
            std::cout << "REMOVED " << f << '\n';
        for (const std::string& f : r.added)
            std::cout << "ADDED " << f << '\n';
        if (r.ok) {
            std::cout << fmt::format(
                "OK {} files, signed by {} (key {}){}\n", r.fileCount, r.signer, r.keyFingerprint,
                r.trustedKey ? ", the trusted key"
                             : "; no trusted key given: integrity checked, not who signed");
            status = exitOk;
        } else
            status = exitInvalidInput;
    });
}

/// The route of the project's latest campaign (empty for a plant file or none planned).
std::vector<std::string> routeOf(const std::string& path) {
    if (!isProjectFile(path))
        return {};
    store::ProjectStore project;
    store::OpenOptions options;
    options.readOnly = true;
    options.busyTimeoutMs = busyTimeoutMs();
    return project.open(path, options) ? plannedRoute(project) : std::vector<std::string>{};
}

void addLabelsCommand(CLI::App& app, int& status) {
    auto* cmd = app.add_subcommand("labels", "QR labels for the meters, 24 to an A4 sheet (PDF)");
    auto path = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    auto options = std::make_shared<LabelSheetOptions>();
    cmd->add_option("FILE", *path,
                    "plant file or project file (.shuiheng): a project's labels follow its route")
        ->required();
    cmd->add_option("--out", *out, "the PDF to write")->required();
    cmd->add_option("--lang", options->lang, "language of the words on a label: zh or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    cmd->add_option("--meter", options->meters, "only this meter (repeat for more)");
    cmd->callback([path, out, options, &status] {
        const auto app = guiApplication();
        const auto plant = loadPlantOrReport(*path, std::cerr);
        if (!plant) {
            status = exitInvalidInput;
            return;
        }
        options->route = routeOf(*path);
        QString error;
        const QByteArray pdf = meterLabelsPdf(*plant, *options, error);
        if (pdf.isEmpty()) {
            std::cerr << *path << ": " << error.toStdString() << '\n';
            status = exitInvalidInput;
            return;
        }
        status = writeBytes(*out, pdf);
        if (status == exitOk) {
            const auto perSheet = LabelGeometry::columns * LabelGeometry::rows;
            const auto count =
                options->meters.empty() ? routeOrder(*plant, {}).size() : options->meters.size();
            std::cout << fmt::format("{}: {} labels on {} sheets\n", *out, count,
                                     (count + perSheet - 1) / perSheet);
        }
    });
}

} // namespace

void addReportCommands(CLI::App& app, int& status) {
    addReportCommand(app, status);
    addSankeyCommand(app, status);
    addXlsxCommand(app, status);
    addKeygenCommand(app, status);
    addPackageCommand(app, status);
    addVerifyCommand(app, status);
    addLabelsCommand(app, status);
}

} // namespace shuiheng::cli
