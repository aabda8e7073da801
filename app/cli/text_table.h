#pragma once
// Plain-text tables for the terminal, aligned by display width (CJK characters take two columns).

#include <iosfwd>
#include <string>
#include <vector>

namespace shuiheng::cli {

class TextTable {
public:
    enum class Align { Left, Right };

    explicit TextTable(std::vector<std::string> header, std::vector<Align> align = {});
    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;

private:
    std::vector<std::string> header_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

/// Terminal columns the UTF-8 text occupies: East Asian wide characters count 2.
std::size_t displayWidth(const std::string& text);

} // namespace shuiheng::cli
