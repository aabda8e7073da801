#pragma once
// Expected failures of the project store as values with a message, never exceptions across layers.

#include <optional>
#include <string>
#include <utility>

namespace shuiheng::store {

/// What kind of failure, so that a caller can choose an exit status or a dialog.
enum class ErrorKind {
    None,
    InvalidInput, ///< the data given is wrong: unknown meter, bad time, empty reason, bad CSV row
    NotFound,     ///< no such file, reading, campaign or entity
    NotAProject,  ///< the file is not a Shuiheng project (not SQLite, or SQLite of another program)
    NewerVersion, ///< written by a newer Shuiheng: refused, left untouched
    Damaged,      ///< the file is corrupt
    ReadOnly,     ///< the file (or its folder) cannot be written
    Busy,         ///< another program kept the project locked for longer than the wait
    DiskFull,     ///< no space left (or the file-size limit reached)
    Io,           ///< another operating-system error while reading or writing
    Internal,     ///< a bug: SQL that should not fail did
};

/// Success, or a failure with a message in plain words.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(ErrorKind kind, std::string message)
        : kind_(kind)
        , message_(std::move(message)) {}

    bool ok() const { return kind_ == ErrorKind::None; }
    explicit operator bool() const { return ok(); }
    ErrorKind kind() const { return kind_; }
    const std::string& message() const { return message_; }

    /// The same failure with `context` in front: "import plant: disk full".
    Status prefixed(const std::string& context) const {
        return ok() ? *this : Status(kind_, context + ": " + message_);
    }

private:
    ErrorKind kind_ = ErrorKind::None;
    std::string message_;
};

/// A value or the reason there is none.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : value_(std::move(value)) {}
    Result(Status status)
        : status_(status.ok() ? Status(ErrorKind::Internal, "no value and no reason") : std::move(status)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Status& status() const { return status_; }
    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }

private:
    std::optional<T> value_;
    Status status_;
};

std::string_view errorKindName(ErrorKind kind);

} // namespace shuiheng::store
