// libFuzzer target: bytes -> the checks `accord check` runs on a file before any database:
// text check (UTF-8, NUL), the YAML event reader, and the per-record validator. It also
// reads the text with one parser for the whole stream and stops (a crash, for libFuzzer)
// where that reads otherwise than the reader's one parser per document (same_reading).
// Built only with -DACCORD_FUZZ=ON (clang); run by `make fuzz`.
#include "accord/validate/records.hpp"
#include "accord/yaml/node.hpp"
#include "../unit/yaml_trace.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

// Holds what the validator hands over, as the import's sink would; no database.
class CollectSink : public accord::RecordSink {
public:
    void declare(accord::Kind, const std::string& id, const accord::Origin&, const accord::yaml::Mark&) override {
        m_ids += id.size();
    }
    void accept(accord::Record&&, const accord::Origin&, const accord::yaml::Mark&) override { ++m_records; }
    void refer(accord::PendingRef ref) override { m_refs += ref.target.size(); }

private:
    std::size_t m_ids = 0;
    std::size_t m_records = 0;
    std::size_t m_refs = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (accord::yaml::check_text(text)) {
        return 0; // refused before parsing, as import does
    }
    if (!accord::yaml::test::same_reading(accord::yaml::test::trace_stream(text, true),
                                          accord::yaml::test::trace_stream(text, false))) {
        std::fputs("one parser per document read the text otherwise than one parser\n", stderr);
        std::abort();
    }
    std::istringstream in(text);
    accord::yaml::DocumentStream stream(in);
    accord::Origin origin{"fuzz.yaml", 0};
    CollectSink sink;
    accord::Diagnostics diags(50);
    while (auto doc = stream.next()) {
        accord::read_document(*doc, origin, sink, diags);
        if (diags.full()) {
            break;
        }
    }
    return 0;
}
