#include "report/text_lines.h"

#include <QTextBoundaryFinder>
#include <algorithm>

namespace shuiheng::report {
namespace {

/// A stretch between two break opportunities, cut where the runs change style.
struct Segment {
    std::vector<StyledText> parts;
    double width = 0;        ///< with its trailing spaces
    double trimmedWidth = 0; ///< without them
};

QString withoutTrailingSpaces(const QString& text) {
    qsizetype end = text.size();
    while (end > 0 && text[end - 1].isSpace())
        --end;
    return text.left(end);
}

std::vector<Segment> segmentsOf(const std::vector<StyledText>& runs) {
    QString all;
    std::vector<qsizetype> runStart;
    for (const StyledText& r : runs) {
        runStart.push_back(all.size());
        all += r.text;
    }
    std::vector<Segment> segments;
    if (all.isEmpty())
        return segments;
    std::vector<qsizetype> breaks{0};
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, all);
    for (qsizetype at = finder.toNextBoundary(); at > 0; at = finder.toNextBoundary())
        breaks.push_back(at);
    if (breaks.back() != all.size())
        breaks.push_back(all.size());
    std::size_t run = 0;
    for (std::size_t b = 0; b + 1 < breaks.size(); ++b) {
        Segment segment;
        qsizetype at = breaks[b];
        const qsizetype end = breaks[b + 1];
        while (at < end) {
            while (run + 1 < runs.size() && runStart[run + 1] <= at)
                ++run;
            const qsizetype runEnd = run + 1 < runs.size() ? std::min(end, runStart[run + 1]) : end;
            StyledText part{all.mid(at, runEnd - at), runs[run].face, runs[run].color};
            segment.parts.push_back(std::move(part));
            at = runEnd;
        }
        for (std::size_t k = 0; k < segment.parts.size(); ++k) {
            const StyledText& p = segment.parts[k];
            const double w = p.face->width(p.text);
            segment.width += w;
            segment.trimmedWidth +=
                k + 1 == segment.parts.size() ? p.face->width(withoutTrailingSpaces(p.text)) : w;
        }
        segments.push_back(std::move(segment));
    }
    return segments;
}

class LineFiller {
public:
    explicit LineFiller(double width)
        : width_(width) {
        lines_.emplace_back();
    }

    void add(const Segment& segment) {
        if (x_ > 0 && x_ + segment.trimmedWidth > width_)
            newLine();
        if (segment.trimmedWidth > width_) {
            addByCharacters(segment);
            return;
        }
        for (const StyledText& part : segment.parts)
            place(part, part.face->width(part.text));
        lines_.back().width = x_ - (segment.width - segment.trimmedWidth);
    }

    std::vector<TextLine> take() { return std::move(lines_); }

private:
    double width_;
    double x_ = 0;
    std::vector<TextLine> lines_;

    void newLine() {
        lines_.emplace_back();
        x_ = 0;
    }

    void place(const StyledText& part, double w) {
        TextLine& line = lines_.back();
        if (!line.pieces.empty() && line.pieces.back().face == part.face &&
            line.pieces.back().color == part.color)
            line.pieces.back().text += part.text; // one glyph run for one style
        else
            line.pieces.push_back({part.text, part.face, part.color, x_});
        line.ascent = std::max(line.ascent, part.face->ascent());
        line.descent = std::max(line.descent, part.face->descent());
        x_ += w;
    }

    void addByCharacters(const Segment& segment) {
        for (const StyledText& part : segment.parts)
            for (qsizetype k = 0; k < part.text.size(); ++k) {
                const qsizetype n = part.text[k].isHighSurrogate() && k + 1 < part.text.size() ? 2 : 1;
                const StyledText one{part.text.mid(k, n), part.face, part.color};
                const double w = part.face->width(one.text);
                if (x_ > 0 && x_ + w > width_)
                    newLine();
                place(one, w);
                lines_.back().width = x_;
                k += n - 1;
            }
    }
};

} // namespace

std::vector<TextLine> breakLines(const std::vector<StyledText>& runs, double width) {
    // Most table cells fit on one line as they are: no break search for them.
    if (runs.size() == 1 && runs.front().face->width(runs.front().text) <= width) {
        const StyledText& r = runs.front();
        TextLine line;
        line.pieces.push_back({r.text, r.face, r.color, 0});
        line.width = r.face->width(withoutTrailingSpaces(r.text));
        line.ascent = r.face->ascent();
        line.descent = r.face->descent();
        return {line};
    }
    LineFiller filler(width);
    for (const Segment& s : segmentsOf(runs))
        filler.add(s);
    std::vector<TextLine> lines = filler.take();
    for (TextLine& line : lines)
        if (line.pieces.empty() && !runs.empty()) { // an empty paragraph still takes a line
            line.ascent = runs.front().face->ascent();
            line.descent = runs.front().face->descent();
        }
    return lines;
}

double naturalWidth(const std::vector<StyledText>& runs) {
    double total = 0;
    for (const StyledText& r : runs)
        total += r.face->width(r.text);
    return total;
}

double widestUnbreakable(const std::vector<StyledText>& runs) {
    if (runs.size() == 1 && !runs.front().text.contains(u' ') && runs.front().text.size() <= 12) {
        // a short word or number: itself (Chinese text this short breaks, but a column this
        // narrow reads worse than one a little wider)
        return runs.front().face->width(runs.front().text);
    }
    double widest = 0;
    for (const Segment& s : segmentsOf(runs))
        widest = std::max(widest, s.trimmedWidth);
    return widest;
}

} // namespace shuiheng::report
