#pragma once
// Inline SVG charts for the HTML reports: a stacked bar chart, a timeline and a heat
// map. No script and no external resource; every chart is sized in a 680-unit wide
// viewBox (the text width of an A4 page) and scales with the page. Colours come from
// one colour-blind-safe palette (Okabe and Ito) that the HTML tables use too.
#include "accord/report/timeline.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// The colour (#RRGGBB) of a status word or another chart key; grey for an unknown key.
std::string_view key_colour(std::string_view key);
// Every key that key_colour knows, for the stylesheet of the HTML page.
const std::vector<std::string_view>& coloured_keys();
// The six statuses, in docs/format.md's order (withdrawn last): the keys of a status chart.
const std::vector<std::string>& status_keys();

// One bar per group, its segments stacked bottom to top in key order, heights
// proportional to the counts (one scale for the whole chart).
struct BarChart {
    struct Bar {
        std::string group;
        std::vector<long> values; // one per key
    };
    std::string title; // the figure caption
    std::string unit;  // what a bar counts, the y axis ("commitments")
    std::vector<std::string> keys;
    std::vector<Bar> bars;

    // The bar of group, appended (with zero counts) when it is not there yet.
    Bar& bar(const std::string& group);
    // Adds n to the key's segment of the group's bar; an unknown key is ignored.
    void add(const std::string& group, const std::string& key, long n = 1);
};

// Rows and columns of counts, each cell shaded by its share of its column's largest value.
struct HeatMap {
    std::string title;
    std::vector<std::string> columns;
    std::vector<std::string> rows;
    std::vector<std::vector<long>> values; // [row][column]
    std::vector<std::string> marks;       // per row: a short flag drawn right of the row (empty: none)
};

// Each writes one <figure> holding the <svg> and a <figcaption>.
void write_bar_chart(std::ostream& out, const BarChart& chart);
// Three lanes (made, due, progress) over a time axis by year; a circle per day whose
// area grows with the count; progress events coloured by status; the as-of day as a
// dashed line, the window of `report changes` shaded.
void write_timeline_chart(std::ostream& out, const ReportTimeline& timeline);
void write_heat_map(std::ostream& out, const HeatMap& map);

} // namespace accord
