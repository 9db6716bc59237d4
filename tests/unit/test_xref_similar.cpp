#include "helpers.hpp"

#include "accord/xref/graph.hpp"
#include "accord/xref/similar.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using namespace accord;
using namespace accord::xref;

namespace {

auto keep_all = [](std::size_t, std::size_t) { return true; };

Store imported(const std::string& path) { return test::store_of_source(path); }

} // namespace

TEST_CASE("identical texts score 1, unrelated ones are not paired", "[xref][similar]") {
    SimilarityIndex index;
    index.add("Commit to building cybersecurity capacity in the region.");
    index.add("Participants committed to build cybersecurity capacity in the region.");
    index.add("Explore a platform for sharing threat information.");
    index.add("Commit to building cybersecurity capacity in the region.");
    auto pairs = index.pairs(0.5, 0, keep_all);
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].a == 0);
    CHECK(pairs[0].b == 3);
    CHECK(pairs[0].score == Approx(1.0));
    for (const auto& p : pairs) {
        CHECK(p.a != 2);
        CHECK(p.b != 2);
        CHECK(p.a < p.b);
    }
}

TEST_CASE("the limit keeps the best pairs and keep() filters them", "[xref][similar]") {
    SimilarityIndex index;
    index.add("alpha beta gamma delta");
    index.add("alpha beta gamma delta epsilon");
    index.add("alpha beta gamma zeta eta theta");
    index.add("alpha beta iota kappa lambda mu");
    auto all = index.pairs(0.1, 0, keep_all);
    auto best = index.pairs(0.1, 2, keep_all);
    REQUIRE(best.size() == 2);
    CHECK(best[0].a == all[0].a);
    CHECK(best[0].b == all[0].b);
    CHECK(best[1].score == Approx(all[1].score));
    auto kept = index.pairs(0.1, 0, [](std::size_t a, std::size_t b) { return !(a == 0 && b == 1); });
    CHECK(kept.size() == all.size() - 1);
}

TEST_CASE("pairs that share only very common terms are still found", "[xref][similar]") {
    // 200 texts: "common" terms are in more than 64 of them, so they are left out of the index.
    SimilarityIndex index;
    std::mt19937 rng(42);
    const std::vector<std::string> common = {"cyber", "capacity", "region", "training", "norms", "cooperation"};
    for (int i = 0; i < 198; ++i) {
        std::string text = "word" + std::to_string(i) + " other" + std::to_string(i);
        for (int k = 0; k < 3; ++k) {
            text += " " + common[rng() % common.size()];
        }
        index.add(text);
    }
    index.add("cyber capacity region training");
    index.add("cyber capacity region training");
    auto pairs = index.pairs(0.99, 0, keep_all);
    REQUIRE_FALSE(pairs.empty());
    CHECK(pairs.front().a == 198);
    CHECK(pairs.front().b == 199);
}

TEST_CASE("similar pairs leave out commitments already linked or of one statement", "[xref][similar]") {
    Store store = imported("/tests/fixtures/xref/chain.yaml");
    Graph graph = Graph::load(store);
    auto pairs = find_similar(graph, SimilarRequest{}).pairs;
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0].later->id == "s2025.c1");
    CHECK(pairs[0].earlier->id == "s2018.c1");
    CHECK(pairs[0].relation == "reaffirms");
    // s2023.c1 builds on s2018.c1: alike, but linked.
    SimilarRequest low;
    low.min_score = 0.2;
    for (const auto& p : find_similar(graph, low).pairs) {
        bool linked = (p.later->id == "s2023.c1" && p.earlier->id == "s2018.c1") ||
                      (p.later->id == "s2024.c1" && p.earlier->id == "s2023.c1");
        CHECK_FALSE(linked);
        CHECK(p.later->parent != p.earlier->parent);
    }
}

namespace {

// n texts of the same sentence with one word drawn from a few: every pair is alike.
SimilarityIndex near_identical(std::size_t n) {
    SimilarityIndex index;
    std::mt19937 rng(7);
    const std::vector<std::string> words = {"training", "exercises", "norms", "resilience", "standards"};
    for (std::size_t i = 0; i < n; ++i) {
        index.add("Participants will strengthen regional cooperation on " + words[rng() % words.size()] +
                  " and incident response.");
    }
    return index;
}

} // namespace

TEST_CASE("near-identical texts: the pairs looked at grow linearly, the result stays bounded", "[xref][similar][growth]") {
    // Issue 25: every text was compared with every other (20,000 generated commitments: 48 s,
    // 703 MB). keep() is asked about each pair at or above the threshold that was looked at.
    std::size_t asked[2] = {0, 0};
    const std::size_t sizes[2] = {300, 3000};
    for (int k = 0; k < 2; ++k) {
        SimilarityIndex index = near_identical(sizes[k]);
        auto pairs = index.pairs(0.6, 100, [&](std::size_t, std::size_t) { return ++asked[k], true; });
        CHECK(pairs.size() == 100);
        CHECK(pairs.front().score == Approx(1.0));
    }
    INFO("pairs looked at: " << asked[0] << " of 300 texts, " << asked[1] << " of 3,000");
    CHECK(asked[0] >= 300);
    CHECK(asked[1] <= 12 * asked[0]);
}

TEST_CASE("a lower threshold never loses a pair", "[xref][similar]") {
    // Texts from a small vocabulary: every term is common, so pairs come from the hashes.
    SimilarityIndex index;
    std::mt19937 rng(11);
    const std::vector<std::string> words = {"capacity", "building", "regional", "cooperation", "critical",
                                            "infrastructure", "incident", "response", "norms", "state",
                                            "behaviour", "cybercrime", "confidence", "measures", "training"};
    for (int i = 0; i < 600; ++i) {
        std::string text;
        for (int w = 0; w < 8; ++w) {
            text += words[rng() % words.size()] + " ";
        }
        index.add(text);
    }
    auto high = index.pairs(0.7, 0, keep_all);
    auto low = index.pairs(0.5, 0, keep_all);
    REQUIRE(high.size() > 10);
    CHECK(low.size() > high.size());
    std::set<std::pair<std::size_t, std::size_t>> in_low;
    for (const auto& p : low) {
        in_low.insert({p.a, p.b});
    }
    for (const auto& p : high) {
        CHECK(in_low.count({p.a, p.b}) == 1);
    }
}

TEST_CASE("near-identical texts: the candidate pairs scored are at most k per text", "[xref][similar][growth]") {
    // Issue 25: on every text the same sentence but one word, xref similar grew 20.7x in CPU
    // for 10x the commitments. The pairs scored stay within the hash windows: at most
    // k_orderings * k_neighbours later texts per text, and grow no faster than the texts.
    const std::size_t window = SimilarityIndex::k_orderings * SimilarityIndex::k_neighbours;
    SimilarStats stats[2];
    const std::size_t sizes[2] = {2000, 20000};
    for (int k = 0; k < 2; ++k) {
        SimilarityIndex index = near_identical(sizes[k]);
        auto pairs = index.pairs(0.6, 100, keep_all, &stats[k]);
        REQUIRE(pairs.size() == 100);
        CHECK(pairs.back().score == Approx(1.0));
        INFO("pairs scored: " << stats[k].scored << " of " << sizes[k] << " texts");
        CHECK(stats[k].scored >= sizes[k]);
        CHECK(stats[k].scored <= window * sizes[k]);
    }
    CHECK(stats[1].scored <= 11 * stats[0].scored);
    // Five sentences, each said by hundreds: every text but the k_neighbours at either end of
    // each group (in the first hash order) has more alike texts than it was compared with, and
    // the search says so.
    for (int k = 0; k < 2; ++k) {
        CHECK(stats[k].crowded >= sizes[k] - 5 * 2 * SimilarityIndex::k_neighbours);
        CHECK(stats[k].crowded <= sizes[k]);
    }
}

TEST_CASE("texts of few alike neighbours are not counted as crowded", "[xref][similar]") {
    SimilarityIndex index;
    for (int i = 0; i < 200; ++i) {
        index.add("text" + std::to_string(i) + " about capacity word" + std::to_string(i % 50));
    }
    SimilarStats stats;
    index.pairs(0.6, 100, keep_all, &stats);
    CHECK(stats.scored > 0);
    CHECK(stats.crowded == 0);
}

TEST_CASE("the best pairs and the counts do not depend on the order of the texts", "[xref][similar]") {
    // The work runs over the texts reordered by hash; the result names them by number, and a
    // tie is broken by number, whatever that order.
    std::vector<std::string> texts;
    std::mt19937 rng(5);
    const std::vector<std::string> words = {"capacity", "building", "regional", "cooperation", "critical",
                                            "infrastructure", "incident", "response", "norms", "state"};
    for (int i = 0; i < 400; ++i) {
        std::string text = "rare" + std::to_string(i % 97);
        for (int w = 0; w < 6; ++w) {
            text += " " + words[rng() % words.size()];
        }
        texts.push_back(text);
    }
    SimilarityIndex forward, backward;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        forward.add(texts[i]);
        backward.add(texts[texts.size() - 1 - i]);
    }
    auto f = forward.pairs(0.5, 0, keep_all);
    auto b = backward.pairs(0.5, 0, keep_all);
    REQUIRE(f.size() > 100);
    std::set<std::pair<std::size_t, std::size_t>> fs, bs;
    for (const auto& p : f) {
        fs.insert({p.a, p.b});
    }
    for (const auto& p : b) {
        std::size_t x = texts.size() - 1 - p.a;
        std::size_t y = texts.size() - 1 - p.b;
        bs.insert({std::min(x, y), std::max(x, y)});
    }
    CHECK(fs == bs);
}

TEST_CASE("xref similar's own load reads the commitments and references the graph holds, in its order",
          "[xref][similar]") {
    // Issue 25: similar loaded the whole graph (every progress event, statuses, indexes by
    // id), about half of its time at 100,000 commitments. Its own load must give it the same.
    Store store = imported("/data");
    Graph graph = Graph::load(store);
    CommitmentTexts texts = CommitmentTexts::load(store);
    std::vector<const Node*> commitments;
    for (const Node& n : graph.nodes()) {
        if (n.kind == Kind::commitment) {
            commitments.push_back(&n);
        }
    }
    REQUIRE(texts.commitments.size() == commitments.size());
    REQUIRE(commitments.size() > 10);
    for (std::size_t i = 0; i < commitments.size(); ++i) {
        const Node& x = texts.commitments[i];
        CHECK(x.id == commitments[i]->id);
        CHECK(x.date == commitments[i]->date);
        CHECK(x.title == commitments[i]->title);
        CHECK(x.parent == commitments[i]->parent);
        CHECK(x.action == commitments[i]->action);
    }
    std::size_t references = 0;
    for (const Edge& e : graph.edges()) {
        references += e.field == "references";
    }
    CHECK(texts.references.size() == references);
    SimilarRequest low;
    low.min_score = 0.15;
    auto a = find_similar(graph, low);
    auto b = find_similar(texts, low);
    REQUIRE(a.pairs.size() > 5);
    REQUIRE(a.pairs.size() == b.pairs.size());
    CHECK(a.found == b.found);
    for (std::size_t i = 0; i < a.pairs.size(); ++i) {
        CHECK(a.pairs[i].later->id == b.pairs[i].later->id);
        CHECK(a.pairs[i].earlier->id == b.pairs[i].earlier->id);
        CHECK(a.pairs[i].score == b.pairs[i].score);
        CHECK(a.pairs[i].relation == b.pairs[i].relation);
    }
}

TEST_CASE("xref similar's load does not grow with the progress events", "[xref][similar][growth]") {
    // Issue 25: similar loaded every progress event with the graph; what it reads is the same
    // whatever their number.
    auto yaml = [](int events) {
        std::string y = "- {kind: party, id: us, name: United States, type: state}\n"
                        "- kind: statement\n  id: s1\n  title: T\n  date: 2020-01-01\n  parties: [us]\n"
                        "  commitments:\n";
        for (int c = 0; c < 2; ++c) {
            y += "    - id: s1.c" + std::to_string(c) + "\n      text: Build capacity number " +
                 std::to_string(c) + ".\n      actors: [us]\n      progress:\n";
            for (int e = 0; e < events; ++e) {
                const int month = 1 + e % 12;
                y += "        - {date: " + std::to_string(1900 + e / 12) + (month < 10 ? "-0" : "-") +
                     std::to_string(month) + "-01, status: limited, evidence: \"https://example.org/e" +
                     std::to_string(e) + "\"}\n";
            }
        }
        return y;
    };
    std::size_t loaded[2] = {0, 0};
    std::size_t in_graph[2] = {0, 0};
    const int events[2] = {10, 1000};
    for (int k = 0; k < 2; ++k) {
        Store store = test::store_with(yaml(events[k]));
        CommitmentTexts texts = CommitmentTexts::load(store);
        loaded[k] = texts.commitments.size() + texts.references.size();
        Graph graph = Graph::load(store);
        in_graph[k] = graph.progress_of("s1.c0").size() + graph.progress_of("s1.c1").size();
    }
    CHECK(in_graph[0] == 20);
    CHECK(in_graph[1] == 2000);
    CHECK(loaded[0] == 2);
    CHECK(loaded[1] == loaded[0]);
}

TEST_CASE("many links: every linked pair is left out, every other alike pair is kept", "[xref][similar]") {
    // The links are tested through a Bloom filter and a table of open addressing: with
    // thousands of links, some pairs pass the filter without being linked (they must be kept)
    // and every linked one must be found in the table.
    const int groups = 600;
    std::string y = "- {kind: party, id: us, name: United States, type: state}\n";
    auto statement = [&](int g, int c, const std::string& references, const std::string& statement_references) {
        std::string id = "s" + std::to_string(g) + "-" + std::to_string(c);
        y += "- kind: statement\n  id: " + id + "\n  title: T\n  date: 2020-01-0" + std::to_string(c + 1) +
             "\n  parties: [us]\n" + statement_references + "  commitments:\n    - id: " + id +
             ".c\n      text: Build w" + std::to_string(g) + "a w" + std::to_string(g) + "b capacity.\n" +
             "      actors: [us]\n" + references;
    };
    for (int g = 0; g < groups; ++g) {
        const std::string first = "s" + std::to_string(g) + "-0";
        statement(g, 0, "", "");
        // The second commitment references the first; the third's statement references the
        // first's statement in every other group.
        statement(g, 1, "      references: [{relation: reaffirms, target: " + first + ".c}]\n", "");
        statement(g, 2, "", g % 2 ? "  references: [{relation: recalls, target: " + first + "}]\n" : "");
    }
    Store store = test::store_with(y);
    SimilarRequest all;
    all.min_score = 0.99;
    all.limit = 0;
    CommitmentTexts texts = CommitmentTexts::load(store);
    SimilarResult result = find_similar(texts, all);
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& p : result.pairs) {
        found.insert({p.later->id, p.earlier->id});
    }
    std::size_t expected = 0;
    for (int g = 0; g < groups; ++g) {
        const std::string s = "s" + std::to_string(g) + "-";
        CHECK(found.count({s + "1.c", s + "0.c"}) == 0);
        CHECK(found.count({s + "2.c", s + "1.c"}) == 1);
        CHECK(found.count({s + "2.c", s + "0.c"}) == (g % 2 ? 0u : 1u));
        expected += g % 2 ? 1 : 2;
    }
    CHECK(found.size() == expected);
    CHECK(result.found == expected);
}
