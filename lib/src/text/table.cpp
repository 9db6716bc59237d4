// The table writer: aligned text, Markdown, CSV, JSON, JSON Lines and HTML, whole or row by row.
#include "accord/text/table.hpp"

#include "accord/error.hpp"
#include "accord/output/output.hpp"
#include "accord/text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace accord::text {

namespace {

constexpr std::string_view k_format_names[] = {"table", "md", "csv", "json", "jsonl", "html"};

bool human(Format format) { return format == Format::table || format == Format::md || format == Format::html; }

} // namespace

std::string_view to_string(Format format) { return k_format_names[static_cast<std::size_t>(format)]; }

std::vector<std::string> format_names(std::initializer_list<Format> allowed) {
    std::vector<std::string> names;
    for (Format f : allowed) {
        names.emplace_back(to_string(f));
    }
    return names;
}

Format parse_format(std::string_view name, std::initializer_list<Format> allowed) {
    for (Format f : allowed) {
        if (to_string(f) == name) {
            return f;
        }
    }
    throw UsageError(fmt::format("unknown format '{}' ({})", name, fmt::join(format_names(allowed), ", ")));
}

Cell Cell::integer(long long n) { return number(std::to_string(n)); }

Cell Cell::number(std::string digits, CellType type) {
    Cell c;
    c.type = digits.empty() ? CellType::null : type;
    c.value = std::move(digits);
    return c;
}

Cell Cell::or_null(std::string text) {
    Cell c;
    c.type = text.empty() ? CellType::null : CellType::text;
    c.value = std::move(text);
    return c;
}

Cell Cell::date(std::string day) {
    Cell c;
    c.type = day.empty() ? CellType::null : CellType::date;
    c.value = std::move(day);
    return c;
}

Cell Cell::boolean(bool b) {
    Cell c;
    c.type = CellType::boolean;
    c.value = b ? "true" : "false";
    return c;
}

Cell Cell::shown_as(std::string text) const {
    Cell c = *this;
    c.shown = std::move(text);
    return c;
}

bool Column::shown_in(Format format) const {
    return show == Show::all || (show == Show::human) == human(format);
}

void append_json_cell(std::string& out, const Column& column, const Cell& cell) {
    if (column.shape != Shape::value) {
        append_json_list(out, cell.null() ? std::string_view() : std::string_view(cell.value),
                         column.shape == Shape::references);
        return;
    }
    switch (cell.type) {
    case CellType::null:
        out += "null";
        break;
    case CellType::integer:
    case CellType::real:
    case CellType::boolean:
        out += cell.value;
        break;
    case CellType::text:
    case CellType::date:
        out += json_quote(cell.value);
        break;
    }
}

std::string json_row(const std::vector<Column>& columns, const Row& cells) {
    std::string s = "{";
    bool first = true;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (!columns[c].shown_in(Format::json)) {
            continue;
        }
        s += first ? "" : ", ";
        first = false;
        s += json_quote(columns[c].key);
        s += ": ";
        append_json_cell(s, columns[c], cells[c]);
    }
    return s + "}";
}

// ---------------------------------------------------------------------------------------
// Row by row: csv, json, jsonl

RowStream::RowStream(std::ostream& out, std::vector<Column> columns, Format format, const WriteOptions& options)
    : m_out(out), m_columns(std::move(columns)), m_format(format), m_options(options) {
    if (format != Format::csv && format != Format::json && format != Format::jsonl) {
        throw UsageError(fmt::format("rows are streamed as csv, json or jsonl, not {}", to_string(format)));
    }
    for (const auto& c : m_columns) {
        m_shown.push_back(c.shown_in(format));
        m_keys.push_back(json_quote(c.key));
    }
    if (m_format == Format::csv) {
        if (m_options.bom) {
            m_line += "\xEF\xBB\xBF";
        }
        bool first = true;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            if (!m_shown[c]) {
                continue;
            }
            m_line += first ? "" : ",";
            first = false;
            m_line += m_options.sqlite_csv ? sqlite_csv_cell(m_columns[c].key) : csv_cell(m_columns[c].key);
        }
        m_line += m_options.line_end();
        m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
        check_output(m_out);
    }
}

void RowStream::write(const Row& cells) {
    m_line.clear();
    bool first = true;
    if (m_format == Format::csv) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (!m_shown[c]) {
                continue;
            }
            if (!first) {
                m_line += ',';
            }
            first = false;
            const Cell& cell = cells[c];
            if (cell.null()) {
                continue;
            }
            if (cell.numeric() || cell.type == CellType::boolean) {
                m_line += cell.value;
            } else if (m_options.sqlite_csv) {
                m_line += sqlite_csv_cell(cell.value, m_options.safe_csv);
            } else {
                m_line += csv_cell(cell.value, m_options.safe_csv);
            }
        }
        m_line += m_options.line_end();
    } else {
        bool array = m_format == Format::json;
        if (array) {
            m_line += m_rows ? ",\n " : "[\n ";
        }
        m_line += '{';
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (!m_shown[c]) {
                continue;
            }
            if (!first) {
                m_line += ", ";
            }
            first = false;
            m_line += m_keys[c];
            m_line += ": ";
            append_json_cell(m_line, m_columns[c], cells[c]);
        }
        m_line += '}';
        if (!array) {
            m_line += '\n';
        }
    }
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
    ++m_rows;
    check_output(m_out);
}

void RowStream::finish() {
    if (m_format == Format::json) {
        m_out << (m_rows ? "\n]\n" : "[]\n");
    }
    m_out.flush();
    check_output(m_out);
}

// ---------------------------------------------------------------------------------------
// Whole tables: table, md, html

std::string ansi_colour(std::string_view css) {
    if (css.size() != 7 || css[0] != '#') {
        return "";
    }
    auto byte = [&](std::size_t i) { return std::stoi(std::string(css.substr(i, 2)), nullptr, 16); };
    return fmt::format("\x1b[38;2;{};{};{}m", byte(1), byte(3), byte(5));
}

namespace {

std::vector<std::size_t> shown_columns(const Table& t, Format format) {
    std::vector<std::size_t> cols;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (t.columns[c].shown_in(format)) {
            cols.push_back(c);
        }
    }
    return cols;
}

template <typename F> void each_row(const Table& t, F f) {
    for (const auto& r : t.rows) {
        f(r);
    }
    for (const auto& r : t.footer) {
        f(r);
    }
}

void write_text(std::ostream& out, const Table& t, const WriteOptions& options) {
    const bool colour = options.colour;
    const auto cols = shown_columns(t, Format::table);
    std::vector<std::size_t> widths;
    for (std::size_t c : cols) {
        widths.push_back(display_width(t.columns[c].header()));
    }
    each_row(t, [&](const Row& r) {
        for (std::size_t i = 0; i < cols.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(r[cols[i]].human()));
        }
    });
    auto colour_of = [&](const std::string& text) -> const std::string* {
        for (const auto& [word, sgr] : options.cell_colours) {
            if (word == text) {
                return &sgr;
            }
        }
        return nullptr;
    };
    std::string s;
    struct Span {
        std::size_t begin, end;
        const std::string* sgr;
    };
    std::vector<Span> spans; // coloured cells of the line
    auto line = [&](auto cell_text, bool header) {
        s.clear();
        spans.clear();
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const std::string& text = cell_text(cols[i]);
            std::size_t fill = widths[i] - display_width(text);
            bool last = i + 1 == cols.size();
            if (t.columns[cols[i]].numeric()) {
                s.append(fill, ' ');
            }
            const std::string* sgr = colour && !header ? colour_of(text) : nullptr;
            if (sgr) {
                spans.push_back({s.size(), s.size() + text.size(), sgr});
            }
            s += text;
            if (!t.columns[cols[i]].numeric() && !last) {
                s.append(fill, ' ');
            }
            if (!last) {
                s += "  ";
            }
        }
        while (!s.empty() && s.back() == ' ') {
            s.pop_back();
        }
        if (header && colour) {
            write_raw(out, "\x1b[1m"); // accord's own sequence: a terminal that shows the data's controls lets it through
            out << s;
            write_raw(out, "\x1b[0m");
        } else {
            std::size_t at = 0;
            for (const auto& span : spans) {
                out << s.substr(at, span.begin - at);
                write_raw(out, *span.sgr);
                out << s.substr(span.begin, span.end - span.begin);
                write_raw(out, "\x1b[0m");
                at = span.end;
            }
            out << s.substr(at);
        }
        out << '\n';
    };
    line([&](std::size_t c) -> const std::string& { return t.columns[c].header(); }, true);
    each_row(t, [&](const Row& r) { line([&](std::size_t c) -> const std::string& { return r[c].human(); }, false); });
}

std::string md_cell(const std::string& text) {
    std::string e;
    for (char ch : md_text(text)) {
        if (ch == '|') {
            e += "\\|";
        } else {
            e += ch;
        }
    }
    return e;
}

void write_md(std::ostream& out, const Table& t) {
    const auto cols = shown_columns(t, Format::md);
    out << "|";
    for (std::size_t c : cols) {
        out << ' ' << md_cell(t.columns[c].header()) << " |";
    }
    out << "\n|";
    for (std::size_t c : cols) {
        out << (t.columns[c].numeric() ? "--:|" : "---|");
    }
    out << '\n';
    each_row(t, [&](const Row& r) {
        out << "|";
        for (std::size_t c : cols) {
            out << ' ' << md_cell(r[c].human()) << " |";
        }
        out << '\n';
    });
}

} // namespace

std::string swatch_class(std::string_view word) {
    std::string c = "k-";
    for (char ch : word) {
        c += ch == ' ' ? '-' : ch;
    }
    return c;
}

void write_html_table(std::ostream& out, const Table& t, const std::vector<std::string>& swatches) {
    if (t.rows.empty() && t.footer.empty()) {
        out << "<p>" << html_escape(t.none.empty() ? "(none)" : t.none) << "</p>\n";
        return;
    }
    auto swatched = [&](const std::string& text) {
        if (std::find(swatches.begin(), swatches.end(), text) == swatches.end()) {
            return html_escape(text);
        }
        return fmt::format("<span class=\"sw {}\"></span>{}", swatch_class(text), html_escape(text));
    };
    const auto cols = shown_columns(t, Format::html);
    out << "<table>\n<thead>\n<tr>";
    auto open = [&](const char* tag, const Column& c) {
        // Numbers and dates are never broken inside, as the columns marked nowrap (ids, codes).
        const bool nw = c.nowrap || c.numeric() || c.type == CellType::date;
        const char* cls = c.numeric() ? (nw ? " class=\"num nw\"" : " class=\"num\"") : (nw ? " class=\"nw\"" : "");
        out << '<' << tag << cls << '>';
    };
    for (std::size_t c : cols) {
        open("th", t.columns[c]);
        out << swatched(t.columns[c].header()) << "</th>";
    }
    out << "</tr>\n</thead>\n<tbody>\n";
    each_row(t, [&](const Row& r) {
        out << "<tr>";
        for (std::size_t c : cols) {
            open("td", t.columns[c]);
            out << swatched(r[c].human()) << "</td>";
        }
        out << "</tr>\n";
    });
    out << "</tbody>\n</table>\n";
}

void write_table(std::ostream& out, const Table& t, Format format, const WriteOptions& options) {
    switch (format) {
    case Format::table:
        if (t.rows.empty() && t.footer.empty() && !t.none.empty()) {
            out << t.none << '\n';
        } else {
            write_text(out, t, options);
        }
        break;
    case Format::md:
        if (t.rows.empty() && t.footer.empty() && !t.none.empty()) {
            out << md_text(t.none) << '\n';
        } else {
            write_md(out, t);
        }
        break;
    case Format::html:
        write_html_table(out, t);
        break;
    case Format::csv: {
        RowStream rows(out, t.columns, format, options);
        each_row(t, [&](const Row& r) { rows.write(r); });
        rows.finish();
        break;
    }
    case Format::json:
    case Format::jsonl: {
        RowStream rows(out, t.columns, format, options);
        for (const auto& r : t.rows) {
            rows.write(r);
        }
        rows.finish();
        break;
    }
    }
}

} // namespace accord::text
