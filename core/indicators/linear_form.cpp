#include "indicators/linear_form.h"

#include "text/message_codes.h"

#include <cmath>

namespace shuiheng::indicators::detail {

Form Form::sum(const std::vector<std::size_t>& edges, const std::vector<double>& x, double coefficient) {
    Form f;
    for (std::size_t e : edges) {
        f.value += coefficient * x[e];
        f.gradient[e] += coefficient;
        f.streams.insert(e);
    }
    return f;
}

Form& Form::operator+=(const Form& other) {
    value += other.value;
    for (const auto& [edge, g] : other.gradient)
        gradient[edge] += g;
    streams.insert(other.streams.begin(), other.streams.end());
    if (undefined.empty())
        undefined = other.undefined;
    return *this;
}

Form& Form::operator-=(const Form& other) {
    value -= other.value;
    for (const auto& [edge, g] : other.gradient)
        gradient[edge] -= g;
    streams.insert(other.streams.begin(), other.streams.end());
    if (undefined.empty())
        undefined = other.undefined;
    return *this;
}

Form& Form::operator*=(double factor) {
    value *= factor;
    for (auto& [edge, g] : gradient)
        g *= factor;
    return *this;
}

Form operator+(Form a, const Form& b) {
    return a += b;
}
Form operator-(Form a, const Form& b) {
    return a -= b;
}
Form operator*(Form a, double factor) {
    return a *= factor;
}

Form ratio(const Form& a, const Form& b, const text::Code& denominator) {
    Form r;
    r.streams = a.streams;
    r.streams.insert(b.streams.begin(), b.streams.end());
    r.undefined = !a.undefined.empty() ? a.undefined : b.undefined;
    if (!r.undefined.empty())
        return r;
    if (b.value == 0 || !std::isfinite(b.value)) {
        r.undefined =
            text::Message(text::code::isZero, {text::nested("quantity", text::Message(denominator))});
        return r;
    }
    r.value = a.value / b.value;
    for (const auto& [edge, g] : a.gradient)
        r.gradient[edge] += g / b.value;
    const double scale = a.value / (b.value * b.value);
    for (const auto& [edge, g] : b.gradient)
        r.gradient[edge] -= scale * g;
    return r;
}

} // namespace shuiheng::indicators::detail
