#pragma once
// A number that may be absent, in the 8 bytes of the number itself: NaN stands for "absent". The
// engine never reports a NaN (bad input gets a diagnostic instead), so no value is lost by this, and
// an edge estimate of three such numbers takes 32 bytes instead of 56 — half a cache line, so that
// the estimates of a 100,000-stream plant, written in the caller's order, touch one line apiece.
// It reads like std::optional<double> (has_value, *, value_or, comparison with nullopt) and converts
// to one, so code written against std::optional keeps working.

#include <limits>
#include <optional>

namespace shuiheng::balance {

class OptionalNumber {
public:
    constexpr OptionalNumber() = default;
    constexpr OptionalNumber(std::nullopt_t) {}
    constexpr OptionalNumber(double value)
        : value_(value) {}
    constexpr OptionalNumber(const std::optional<double>& value)
        : value_(value ? *value : absent) {}

    /// False for an absent number (and for a NaN, which is the same thing here).
    constexpr bool has_value() const { return value_ == value_; }
    constexpr explicit operator bool() const { return has_value(); }
    /// The number; only when has_value().
    constexpr double operator*() const { return value_; }
    double value() const {
        if (!has_value())
            throw std::bad_optional_access();
        return value_;
    }
    constexpr double value_or(double fallback) const { return has_value() ? value_ : fallback; }
    constexpr void reset() { value_ = absent; }

    constexpr operator std::optional<double>() const {
        return has_value() ? std::optional<double>(value_) : std::nullopt;
    }

    friend constexpr bool operator==(const OptionalNumber& a, std::nullopt_t) { return !a.has_value(); }
    friend constexpr bool operator==(const OptionalNumber& a, const OptionalNumber& b) {
        return a.has_value() == b.has_value() && (!a.has_value() || a.value_ == b.value_);
    }

private:
    static constexpr double absent = std::numeric_limits<double>::quiet_NaN();
    double value_ = absent;
};

} // namespace shuiheng::balance
