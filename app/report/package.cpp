#include "report/package.h"

#include "io/atomic_file.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shuiheng::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr const char* keyFormat = "shuiheng-key";
constexpr const char* packageFormat = "shuiheng-package";

bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::string toHex(const std::string& bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                   bytes.size());
    hex.pop_back();
    return hex;
}

std::optional<std::string> fromHex(const std::string& hex, std::size_t size) {
    std::string bytes(size, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), size, hex.c_str(), hex.size(), nullptr,
                       &length, &end) != 0 ||
        length != size || end != hex.c_str() + hex.size())
        return std::nullopt;
    return bytes;
}

std::string fingerprint(const std::string& publicKey) {
    return sha256Hex(publicKey).substr(0, 16);
}

/// Writes a new file with the given mode; refuses to replace one.
std::string writeNewFile(const std::string& path, const std::string& content, mode_t mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return path + ": " + std::strerror(errno) + (errno == EEXIST ? " (a key is never overwritten)" : "");
    ::fchmod(fd, mode); // whatever the umask says
    const bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                    ::fsync(fd) == 0;
    ::close(fd);
    return ok ? std::string() : path + ": could not be written";
}

/// The exact bytes manifest.sig holds for a manifest digest and its signature.
std::string signatureText(const std::string& digestHex, const std::string& signature,
                          const std::string& keyHex) {
    Json j{{"format", "shuiheng-signature"}, {"algorithm", "ed25519"}, {"signed", "sha256 of manifest.json"},
           {"manifestSha256", digestHex},    {"publicKey", keyHex},    {"signature", toHex(signature)}};
    return j.dump(2) + "\n";
}

std::vector<std::string> filesUnder(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (!it->is_directory())
            out.push_back(fs::relative(it->path(), dir).generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> readFile(const fs::path& path) {
    std::string error;
    return readWholeFile(path, error);
}

} // namespace

std::string sha256Hex(const std::string& bytes) {
    sodiumReady();
    std::string digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return toHex(digest);
}

std::string generateKeyPair(const std::string& secretPath, const std::string& publicPath,
                            const std::string& agency) {
    if (!sodiumReady())
        return "libsodium could not be initialised";
    if (fs::exists(secretPath))
        return secretPath + ": exists (a key is never overwritten)";
    if (fs::exists(publicPath))
        return publicPath + ": exists (a key is never overwritten)";
    std::string pk(crypto_sign_PUBLICKEYBYTES, '\0'), sk(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(pk.data()),
                        reinterpret_cast<unsigned char*>(sk.data()));
    const Json secret{{"format", keyFormat},
                      {"type", "ed25519-secret"},
                      {"agency", agency},
                      {"publicKey", toHex(pk)},
                      {"secretKey", toHex(sk)}};
    const Json pub{
        {"format", keyFormat}, {"type", "ed25519-public"}, {"agency", agency}, {"publicKey", toHex(pk)}};
    sodium_memzero(sk.data(), sk.size());
    if (std::string error = writeNewFile(secretPath, secret.dump(2) + "\n", 0600); !error.empty())
        return error;
    return writeNewFile(publicPath, pub.dump(2) + "\n", 0644);
}

std::optional<AgencyKey> readKey(const std::string& path, bool secret, std::string& error) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        error = path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    if (secret && (st.st_mode & 077)) {
        error = path + ": the secret key is readable by others (mode " +
                fmt::format("{:o}", st.st_mode & 0777) + "); make it 0600 with chmod 600";
        return std::nullopt;
    }
    const auto text = readFile(path);
    const Json j = text ? Json::parse(*text, nullptr, false) : Json();
    if (!j.is_object() || j.value("format", "") != keyFormat) {
        error = path + ": not a Shuiheng key file";
        return std::nullopt;
    }
    AgencyKey key;
    key.agency = j.value("agency", "");
    const auto pk = fromHex(j.value("publicKey", ""), crypto_sign_PUBLICKEYBYTES);
    if (!pk) {
        error = path + ": publicKey is not 32 bytes of hex";
        return std::nullopt;
    }
    key.publicKey = *pk;
    if (secret) {
        if (j.value("type", "") != "ed25519-secret") {
            error = path + ": a public key, not a secret key";
            return std::nullopt;
        }
        const auto sk = fromHex(j.value("secretKey", ""), crypto_sign_SECRETKEYBYTES);
        if (!sk || sk->substr(32) != key.publicKey) {
            error = path + ": secretKey is not a 64-byte Ed25519 key matching publicKey";
            return std::nullopt;
        }
        key.secretKey = *sk;
    }
    return key;
}

std::string writePackage(const std::string& dir, const std::vector<PackageFile>& files, const AgencyKey& key,
                         const std::string& created) {
    if (!sodiumReady())
        return "libsodium could not be initialised";
    if (key.secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return "no secret key to sign with";
    const fs::path target(dir);
    std::error_code ec;
    if (fs::exists(target, ec))
        return dir + ": exists (a package is never overwritten)";
    const fs::path staging = target.parent_path() / (".~" + target.filename().string() + ".partial");
    fs::remove_all(staging, ec);
    Json list = Json::array();
    for (const PackageFile& f : files) {
        if (f.path.empty() || f.path.front() == '/' || f.path.find("..") != std::string::npos ||
            f.path == manifestName || f.path == signatureName)
            return f.path + ": not a name a package file may have";
        const fs::path path = staging / f.path;
        fs::create_directories(path.parent_path(), ec);
        if (std::string error = writeFileAtomically(path, f.bytes); !error.empty())
            return error;
        list.push_back({{"path", f.path}, {"size", f.bytes.size()}, {"sha256", sha256Hex(f.bytes)}});
    }
    const Json manifest{
        {"format", packageFormat},           {"version", 1}, {"created", created}, {"signer", key.agency},
        {"publicKey", toHex(key.publicKey)}, {"files", list}};
    const std::string manifestText = manifest.dump(2) + "\n";
    const std::string digest = sha256Hex(manifestText);
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(digest.data()), digest.size(),
                         reinterpret_cast<const unsigned char*>(key.secretKey.data()));
    if (std::string error = writeFileAtomically(staging / manifestName, manifestText); !error.empty())
        return error;
    if (std::string error = writeFileAtomically(staging / signatureName,
                                                signatureText(digest, signature, toHex(key.publicKey)));
        !error.empty())
        return error;
    fs::rename(staging, target, ec);
    return ec ? dir + ": " + ec.message() : std::string();
}

VerifyResult verifyPackage(const std::string& dir, const std::optional<AgencyKey>& trusted) {
    VerifyResult r;
    sodiumReady();
    const fs::path root(dir);
    if (!fs::is_directory(root)) {
        r.problems.push_back(dir + ": not a package directory");
        return r;
    }
    const auto manifestText = readFile(root / manifestName);
    const auto signatureFile = readFile(root / signatureName);
    if (!manifestText)
        r.problems.push_back(std::string(manifestName) + ": missing or unreadable");
    if (!signatureFile)
        r.problems.push_back(std::string(signatureName) + ": missing or unreadable");
    if (!manifestText || !signatureFile)
        return r;

    // The signature file must be exactly as written: any other byte is a change.
    const Json sig = Json::parse(*signatureFile, nullptr, false);
    const auto sigBytes =
        sig.is_object() ? fromHex(sig.value("signature", ""), crypto_sign_BYTES) : std::nullopt;
    const auto sigKey =
        sig.is_object() ? fromHex(sig.value("publicKey", ""), crypto_sign_PUBLICKEYBYTES) : std::nullopt;
    const std::string recordedDigest = sig.is_object() ? sig.value("manifestSha256", "") : "";
    if (!sigBytes || !sigKey || signatureText(recordedDigest, *sigBytes, toHex(*sigKey)) != *signatureFile) {
        r.problems.push_back(std::string(signatureName) +
                             ": changed (not the signature file Shuiheng writes)");
        return r;
    }
    r.keyFingerprint = fingerprint(*sigKey);
    const std::string key = trusted ? trusted->publicKey : *sigKey;
    r.trustedKey = trusted.has_value();
    if (trusted && trusted->publicKey != *sigKey)
        r.problems.push_back(std::string(signatureName) + ": signed with another key (fingerprint " +
                             r.keyFingerprint + ", trusted key " + fingerprint(trusted->publicKey) + ")");
    r.signatureValid = crypto_sign_verify_detached(
                           reinterpret_cast<const unsigned char*>(sigBytes->data()),
                           reinterpret_cast<const unsigned char*>(recordedDigest.data()),
                           recordedDigest.size(), reinterpret_cast<const unsigned char*>(key.data())) == 0;
    if (!r.signatureValid && !(trusted && trusted->publicKey != *sigKey))
        r.problems.push_back(std::string(signatureName) +
                             ": the signature does not verify (the file was changed)");
    if (r.signatureValid && sha256Hex(*manifestText) != recordedDigest)
        r.problems.push_back(std::string(manifestName) +
                             ": changed after signing (its SHA-256 is not the one signed)");

    const Json manifest = Json::parse(*manifestText, nullptr, false);
    if (!manifest.is_object() || manifest.value("format", "") != packageFormat ||
        !manifest.contains("files") || !manifest["files"].is_array()) {
        r.problems.push_back(std::string(manifestName) + ": not a package manifest");
        return r;
    }
    r.signer = manifest.value("signer", "");
    if (manifest.value("publicKey", "") != toHex(*sigKey))
        r.problems.push_back(std::string(manifestName) + ": names another key than the signature's");
    std::vector<std::string> listed;
    for (const auto& f : manifest["files"]) {
        const std::string path = f.value("path", "");
        listed.push_back(path);
        ++r.fileCount;
        const auto bytes = readFile(root / path);
        if (!bytes)
            r.removed.push_back(path);
        else if (bytes->size() != f.value("size", std::size_t{0}) ||
                 sha256Hex(*bytes) != f.value("sha256", ""))
            r.changed.push_back(path);
    }
    std::sort(listed.begin(), listed.end());
    for (const std::string& present : filesUnder(root))
        if (present != manifestName && present != signatureName &&
            !std::binary_search(listed.begin(), listed.end(), present))
            r.added.push_back(present);
    r.ok =
        r.problems.empty() && r.signatureValid && r.changed.empty() && r.removed.empty() && r.added.empty();
    return r;
}

} // namespace shuiheng::report
