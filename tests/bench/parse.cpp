// accord-bench-parse: the fastest yaml-cpp can read a set of files, as a baseline
// for import (issue 9). --events: YAML::Parser with a handler that only counts
// scalars; --load: YAML::LoadAllFromFile for comparison.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

struct Counter : YAML::EventHandler {
    std::size_t scalars = 0;
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++scalars; }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

std::size_t count_nodes(const YAML::Node& n) {
    std::size_t c = 1;
    if (n.IsMap()) {
        for (const auto& kv : n) {
            c += count_nodes(kv.second);
        }
    } else if (n.IsSequence()) {
        for (const auto& x : n) {
            c += count_nodes(x);
        }
    }
    return c;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: accord-bench-parse --events|--load PATH...\n";
        return 2;
    }
    std::string mode = argv[1];
    std::size_t total = 0;
    auto one = [&](const std::string& path) {
        if (mode == "--events") {
            std::ifstream in(path);
            YAML::Parser parser(in);
            Counter counter;
            while (parser.HandleNextDocument(counter)) {
            }
            total += counter.scalars;
        } else {
            for (const auto& doc : YAML::LoadAllFromFile(path)) {
                total += count_nodes(doc);
            }
        }
    };
    for (int i = 2; i < argc; ++i) {
        if (std::filesystem::is_directory(argv[i])) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i])) {
                if (e.path().extension() == ".yaml") {
                    one(e.path().string());
                }
            }
        } else {
            one(argv[i]);
        }
    }
    std::cout << total << "\n";
    return 0;
}
