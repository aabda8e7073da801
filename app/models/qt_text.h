#pragma once
// Core strings are UTF-8 std::string; Qt's are UTF-16 QString.

#include <QString>
#include <string_view>

inline QString toQString(std::string_view utf8) {
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}
