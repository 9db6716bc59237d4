// Inline SVG charts of the html reports: stacked bars, timeline, heat map.
#include "accord/report/svg.hpp"

#include "accord/model/date.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace accord {

namespace {

// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
// colour vision deficiency. Statuses from red (not started) to green (complete).
struct KeyColour {
    std::string_view key;
    std::string_view colour;
};
const KeyColour k_palette[] = {
    {"unassessed", "#BBBBBB"},  {"not-started", "#D55E00"}, {"limited", "#E69F00"},
    {"substantial", "#56B4E9"}, {"complete", "#009E73"},    {"withdrawn", "#CC79A7"},
    // report coverage: commitments a program implements, and those none does
    {"implemented", "#0072B2"}, {"not implemented", "#E69F00"},
    // the timeline: commitments made, due dates
    {"made", "#0072B2"},        {"due", "#000000"},
};

constexpr double k_width = 680;
constexpr const char* k_font = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\"";

std::string num(double v) {
    std::string s = fmt::format("{:.2f}", v);
    // 12.50 -> 12.5, 12.00 -> 12: shorter, the same number.
    while (s.back() == '0') {
        s.pop_back();
    }
    if (s.back() == '.') {
        s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

// A round step for about five ticks up to max (1, 2, 5 times a power of ten).
long tick_step(long max) {
    long step = 1;
    while (true) {
        for (long m : {1L, 2L, 5L}) {
            if (max <= 5 * m * step) {
                return m * step;
            }
        }
        step *= 10;
    }
}

void svg_begin(std::ostream& out, const char* cls, double height, const std::string& label) {
    fmt::print(out,
               "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {}\" viewBox=\"0 0 {} {}\" width=\"{}\" "
               "height=\"{}\" role=\"img\" aria-label=\"{}\" {} font-size=\"10\">\n",
               cls, num(k_width), num(height), num(k_width), num(height), text::html_escape(label), k_font);
}

void figure_end(std::ostream& out, const std::string& caption) {
    out << "</svg>\n<figcaption>" << text::html_escape(caption) << "</figcaption>\n</figure>\n";
}

// A row of colour swatches with their keys, from x at baseline y.
void legend(std::ostream& out, const std::vector<std::string>& keys, double x, double y) {
    out << "<g class=\"legend\">\n";
    for (const auto& k : keys) {
        fmt::print(out, "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\" stroke=\"#555\" "
                        "stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                   num(x), num(y - 9), key_colour(k), num(x + 14), num(y), text::html_escape(k));
        x += 14 + static_cast<double>(text::display_width(k)) * 6.0 + 14;
    }
    out << "</g>\n";
}

} // namespace

std::string_view key_colour(std::string_view key) {
    for (const auto& k : k_palette) {
        if (k.key == key) {
            return k.colour;
        }
    }
    return "#999999";
}

const std::vector<std::string_view>& coloured_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> v;
        for (const auto& k : k_palette) {
            v.push_back(k.key);
        }
        return v;
    }();
    return keys;
}

const std::vector<std::string>& status_keys() {
    static const std::vector<std::string> keys = {"unassessed", "not-started", "limited",
                                                  "substantial", "complete",    "withdrawn"};
    return keys;
}

BarChart::Bar& BarChart::bar(const std::string& group) {
    for (auto& b : bars) {
        if (b.group == group) {
            return b;
        }
    }
    bars.push_back({group, std::vector<long>(keys.size(), 0)});
    return bars.back();
}

void BarChart::add(const std::string& group, const std::string& key, long n) {
    Bar& b = bar(group);
    auto it = std::find(keys.begin(), keys.end(), key);
    if (it != keys.end()) {
        b.values[static_cast<std::size_t>(it - keys.begin())] += n;
    }
}

void write_bar_chart(std::ostream& out, const BarChart& c) {
    long max = 0;
    std::size_t longest = 0;
    for (const auto& b : c.bars) {
        long total = 0;
        for (long v : b.values) {
            total += v;
        }
        max = std::max(max, total);
        longest = std::max(longest, text::display_width(text::shorten(b.group, 28)));
    }
    const double right = 8, top = 40, plot_h = 190;
    const std::size_t n = std::max<std::size_t>(c.bars.size(), 1);
    double left = 46;
    double plot_w = k_width - left - right;
    double slot = std::min(60.0, plot_w / static_cast<double>(n));
    // Labels stand upright under their bars when they fit, else slanted (40 degrees, ending at
    // the bar): then the first label reaches left of its bar by its width times cos 40, and the
    // plot moves right so that it stays inside the figure.
    const bool slant = static_cast<double>(longest) * 6.0 > slot - 2;
    if (slant) {
        const double reach = static_cast<double>(longest) * 6.0 * 0.766 + 4;
        for (int pass = 0; pass < 2; ++pass) { // slot depends on left: settle it
            left = std::max(46.0, reach - slot / 2);
            plot_w = k_width - left - right;
            slot = std::min(60.0, plot_w / static_cast<double>(n));
        }
    }
    const double label_h = slant ? 14 + static_cast<double>(longest) * 6.0 * 0.6 : 18;
    const double height = top + plot_h + label_h + 6;
    const long step = tick_step(std::max(max, 1L));
    const long axis_top = ((std::max(max, 1L) + step - 1) / step) * step;
    const double unit = plot_h / static_cast<double>(axis_top); // px per count: heights are proportional
    const double base = top + plot_h;

    out << "<figure class=\"bars\">\n";
    svg_begin(out, "bars", height, c.title);
    legend(out, c.keys, 46, 16); // at the figure's left, whatever the plot's margin
    // Grid lines and the count axis.
    for (long v = 0; v <= axis_top; v += step) {
        double y = base - static_cast<double>(v) * unit;
        fmt::print(out,
                   "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>"
                   "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                   num(left), num(y), num(left + plot_w), num(y), v ? "#DDDDDD" : "#555555", num(left - 4),
                   num(y + 3.5), v);
    }
    fmt::print(out, "<text x=\"12\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {})\">{}</text>\n",
               num(top + plot_h / 2), num(top + plot_h / 2), text::html_escape(c.unit));
    const double width = std::min(36.0, slot * 0.7);
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const auto& b = c.bars[i];
        const double cx = left + slot * (static_cast<double>(i) + 0.5);
        long total = 0;
        std::string detail;
        for (std::size_t k = 0; k < c.keys.size(); ++k) {
            total += b.values[k];
            if (b.values[k]) {
                detail += fmt::format("{}{} {}", detail.empty() ? "" : ", ", b.values[k], c.keys[k]);
            }
        }
        fmt::print(out, "<g class=\"bar\" data-group=\"{}\" data-total=\"{}\">\n<title>{}: {} {}{}</title>\n",
                   text::html_escape(b.group), total, text::html_escape(b.group), total, text::html_escape(c.unit),
                   text::html_escape(detail.empty() ? "" : " (" + detail + ")"));
        double y = base;
        for (std::size_t k = 0; k < c.keys.size(); ++k) {
            if (b.values[k] == 0) {
                continue;
            }
            double h = static_cast<double>(b.values[k]) * unit;
            y -= h;
            fmt::print(out,
                       "<rect class=\"seg\" data-key=\"{}\" data-count=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                       "height=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"0.5\"/>\n",
                       text::html_escape(c.keys[k]), b.values[k], num(cx - width / 2), num(y), num(width), num(h),
                       key_colour(c.keys[k]));
        }
        fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(cx), num(y - 3), total);
        std::string label = text::html_escape(text::shorten(b.group, 28));
        if (slant) {
            fmt::print(out, "<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" transform=\"rotate(-40 {0} {1})\">{2}</text>\n",
                       num(cx + 3), num(base + 12), label);
        } else {
            fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(cx), num(base + 14),
                       label);
        }
        out << "</g>\n";
    }
    if (c.bars.empty()) {
        fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">(nothing to chart)</text>\n",
                   num(left + plot_w / 2), num(top + plot_h / 2));
    }
    figure_end(out, c.title);
}

void write_timeline_chart(std::ostream& out, const ReportTimeline& t) {
    auto day_of = [](const std::string& text) {
        auto d = PartialDate::parse(text);
        return d ? d->days_since_epoch() : 0L;
    };
    int first_year = std::stoi(t.as_of.substr(0, 4));
    int last_year = first_year;
    std::vector<std::string> dates = {t.as_of};
    if (t.since) {
        dates.push_back(*t.since);
    }
    for (const auto& p : t.points) {
        dates.push_back(p.day);
    }
    for (const auto& d : dates) {
        int y = std::stoi(d.substr(0, 4));
        first_year = std::min(first_year, y);
        last_year = std::max(last_year, y);
    }
    const double left = 70, right = 12, top = 34;
    const double plot_w = k_width - left - right;
    const long d0 = PartialDate(first_year).days_since_epoch();
    const long d1 = PartialDate(last_year + 1).days_since_epoch();
    auto x_of = [&](long day) {
        return left + plot_w * static_cast<double>(day - d0) / static_cast<double>(std::max(d1 - d0, 1L));
    };
    struct Lane {
        const char* event;
        const char* label;
        double y;
    };
    const Lane lanes[] = {{"made", "made", top + 22}, {"due", "due", top + 62}, {"progress", "progress", top + 102}};
    const double axis = top + 130;
    const double height = axis + 24;

    out << "<figure class=\"timeline\">\n";
    svg_begin(out, "timeline", height, "Timeline: commitments made, due dates and progress events by date");
    std::vector<std::string> keys = {"made", "due"};
    keys.insert(keys.end(), status_keys().begin(), status_keys().end());
    legend(out, keys, left, 14);
    if (t.since) {
        double xs = x_of(day_of(*t.since));
        fmt::print(out,
                   "<rect class=\"window\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#000000\" "
                   "fill-opacity=\"0.07\"><title>the window from {} to {}</title></rect>\n",
                   num(xs), num(top), num(std::max(x_of(day_of(t.as_of) + 1) - xs, 1.0)), num(axis - top),
                   text::html_escape(*t.since), text::html_escape(t.as_of));
    }
    const int span = last_year - first_year + 1;
    const int every = span > 24 ? 5 : span > 12 ? 2 : 1;
    for (int y = first_year; y <= last_year + 1; ++y) {
        double x = x_of(PartialDate(y).days_since_epoch());
        fmt::print(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#DDDDDD\" stroke-width=\"1\"/>\n",
                   num(x), num(top), num(axis));
        if (y <= last_year && (y - first_year) % every == 0) {
            double mid = x_of(PartialDate(y, 7, 1).days_since_epoch());
            fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       num(every == 1 ? mid : x + 2), num(axis + 14), y);
        }
    }
    fmt::print(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#555555\" stroke-width=\"1\"/>\n",
               num(left), num(axis), num(left + plot_w));
    for (const auto& lane : lanes) {
        fmt::print(out,
                   "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#EEEEEE\" stroke-width=\"1\"/>"
                   "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
                   num(left), num(lane.y), num(left + plot_w), num(left - 6), num(lane.y + 3.5), lane.label);
    }
    for (const auto& p : t.points) {
        const Lane* lane = &lanes[2];
        for (const auto& l : lanes) {
            if (p.event == l.event) {
                lane = &l;
            }
        }
        bool progress = p.event == "progress";
        std::string_view colour = key_colour(progress ? p.status : p.event);
        double r = std::min(12.0, 2.5 + 1.8 * std::sqrt(static_cast<double>(p.count)));
        std::string what = p.event == "made"       ? fmt::format("{} made", p.count == 1 ? "commitment" : "commitments")
                           : p.event == "due"      ? fmt::format("{} due", p.count == 1 ? "commitment" : "commitments")
                                                   : fmt::format("progress {} ({})", p.count == 1 ? "event" : "events",
                                                                 p.status);
        fmt::print(out,
                   "<circle class=\"event\" data-event=\"{}\" data-day=\"{}\" data-count=\"{}\" cx=\"{}\" cy=\"{}\" "
                   "r=\"{}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" stroke-width=\"{}\">"
                   "<title>{}: {} {}</title></circle>\n",
                   text::html_escape(p.event), text::html_escape(p.day), p.count, num(x_of(day_of(p.day))), num(lane->y), num(r),
                   p.event == "due" ? "none" : colour, p.event == "due" ? "0" : "0.75",
                   p.event == "due" ? colour : "#333333", p.event == "due" ? "1.2" : "0.5", text::html_escape(p.day),
                   p.count, text::html_escape(what));
    }
    double xa = x_of(day_of(t.as_of) + 1);
    fmt::print(out,
               "<line class=\"as-of\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000000\" "
               "stroke-width=\"1\" stroke-dasharray=\"4 3\"/><text x=\"{3}\" y=\"{4}\" text-anchor=\"{5}\">as of "
               "{6}</text>\n",
               num(xa), num(top - 4), num(axis), num(xa + (xa > left + plot_w - 110 ? -3 : 3)), num(top + 4),
               xa > left + plot_w - 110 ? "end" : "start", text::html_escape(t.as_of));
    if (t.points.empty()) {
        fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">(no dated events)</text>\n",
                   num(left + plot_w / 2), num(top + 62));
    }
    long made = 0, due = 0, events = 0;
    for (const auto& p : t.points) {
        (p.event == "made" ? made : p.event == "due" ? due : events) += p.count;
    }
    figure_end(out, fmt::format("Timeline as of {}: {} {} made, {} due {} (drawn at the end of their period), {} "
                                "progress {} (coloured by the status they record). A circle's area grows with the "
                                "number on that day{}.",
                                t.as_of, made, made == 1 ? "commitment" : "commitments", due,
                                due == 1 ? "date" : "dates", events, events == 1 ? "event" : "events",
                                t.since ? "; shaded: the window from " + *t.since + " to " + t.as_of : ""));
}

void write_heat_map(std::ostream& out, const HeatMap& m) {
    const double label_w = 200, mark_w = 70, top = 40, row_h = 20;
    // A row's label ends 6 units left of the cells; at 6 units a character (10-unit text) it
    // must start inside the figure.
    const std::size_t label_chars = static_cast<std::size_t>((label_w - 8) / 6);
    const double col_w = std::min(80.0, (k_width - label_w - mark_w) / static_cast<double>(std::max<std::size_t>(m.columns.size(), 1)));
    const double height = top + row_h * static_cast<double>(m.rows.size()) + 24;
    std::vector<long> col_max(m.columns.size(), 0);
    for (const auto& r : m.values) {
        for (std::size_t c = 0; c < r.size() && c < col_max.size(); ++c) {
            col_max[c] = std::max(col_max[c], r[c]);
        }
    }
    out << "<figure class=\"heatmap\">\n";
    svg_begin(out, "heatmap", height, m.title);
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        double cx = label_w + col_w * (static_cast<double>(c) + 0.5);
        fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text>\n", num(cx),
                   num(top - 8), text::html_escape(text::shorten(m.columns[c], 14)));
    }
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        double y = top + row_h * static_cast<double>(r);
        fmt::print(out, "<g class=\"row\" data-row=\"{}\">\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                   text::html_escape(m.rows[r]), num(label_w - 6), num(y + row_h / 2 + 3.5),
                   text::html_escape(text::shorten(m.rows[r], label_chars)));
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            long v = r < m.values.size() && c < m.values[r].size() ? m.values[r][c] : 0;
            double share = col_max[c] ? static_cast<double>(v) / static_cast<double>(col_max[c]) : 0.0;
            // White to Okabe-Ito blue (#0072B2): one hue, lighter is fewer.
            auto mix = [share](int full) { return static_cast<int>(std::lround(255 - (255 - full) * share)); };
            std::string fill = fmt::format("#{:02X}{:02X}{:02X}", mix(0x00), mix(0x72), mix(0xB2));
            double x = label_w + col_w * static_cast<double>(c);
            fmt::print(out,
                       "<rect class=\"cell\" data-column=\"{}\" data-count=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                       "height=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"1\"><title>{}, {}: {}</title></rect>"
                       "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                       text::html_escape(m.columns[c]), v, num(x), num(y), num(col_w), num(row_h), fill,
                       text::html_escape(m.rows[r]), text::html_escape(m.columns[c]), v, num(x + col_w / 2),
                       num(y + row_h / 2 + 3.5), share > 0.55 ? "#FFFFFF" : "#000000", v);
        }
        if (r < m.marks.size() && !m.marks[r].empty()) {
            fmt::print(out, "<text class=\"mark\" x=\"{}\" y=\"{}\" fill=\"{}\" font-weight=\"bold\">{}</text>\n",
                       num(label_w + col_w * static_cast<double>(m.columns.size()) + 6), num(y + row_h / 2 + 3.5),
                       key_colour("not-started"), text::html_escape(m.marks[r]));
        }
        out << "</g>\n";
    }
    if (m.rows.empty()) {
        fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">(nothing to chart)</text>\n",
                   num(k_width / 2), num(top + 10));
    }
    figure_end(out, m.title);
}

} // namespace accord
