#pragma once
// A signed package of files (the leader application): a directory holding the files, manifest.json
// with the SHA-256 and size of every file, and manifest.sig with the Ed25519 signature (libsodium) of
// the manifest's SHA-256 by the testing agency's key. verifyPackage names every file changed, added
// or removed and says whether the signature holds for the trusted key. docs/report.md.

#include <optional>
#include <string>
#include <vector>

namespace shuiheng::report {

inline constexpr const char* manifestName = "manifest.json";
inline constexpr const char* signatureName = "manifest.sig";

struct PackageFile {
    std::string path; ///< relative, '/'-separated, e.g. "report.pdf" or "data/plant.json"
    std::string bytes;
};

/// An agency's Ed25519 key pair as written by generateKeyPair.
struct AgencyKey {
    std::string agency;    ///< who the key belongs to
    std::string publicKey; ///< 32 bytes
    std::string secretKey; ///< 64 bytes (libsodium's seed + public key); empty for a public key file
};

/// Writes a new key pair: `secretPath` (created with mode 0600, never overwritten) and `publicPath`
/// (0644). Empty on success, else why.
std::string generateKeyPair(const std::string& secretPath, const std::string& publicPath,
                            const std::string& agency);

/// Reads a secret or public key file. A secret key file readable by group or others is refused.
std::optional<AgencyKey> readKey(const std::string& path, bool secret, std::string& error);

/// Lower-case hex SHA-256 of the bytes.
std::string sha256Hex(const std::string& bytes);

/// Writes the files, the manifest and the signature into `dir` (which must not exist; the package
/// is assembled beside it and renamed, so it appears complete or not at all). Empty on success.
std::string writePackage(const std::string& dir, const std::vector<PackageFile>& files, const AgencyKey& key,
                         const std::string& created);

struct VerifyResult {
    bool ok = false; ///< signature good and every file as listed
    bool signatureValid = false;
    bool trustedKey = false;           ///< checked against a key the caller gave
    std::string signer;                ///< agency named in the manifest
    std::string keyFingerprint;        ///< first 16 hex digits of the SHA-256 of the signing public key
    std::vector<std::string> changed;  ///< listed, present, different bytes
    std::vector<std::string> removed;  ///< listed, missing
    std::vector<std::string> added;    ///< present, not listed
    std::vector<std::string> problems; ///< each naming its file: the manifest, the signature, a key
    int fileCount = 0;
};

/// Checks a package directory. `trusted`: the agency's public key to check against; nullopt checks
/// with the key the manifest carries (integrity only: anyone can sign with their own key).
VerifyResult verifyPackage(const std::string& dir, const std::optional<AgencyKey>& trusted);

} // namespace shuiheng::report
