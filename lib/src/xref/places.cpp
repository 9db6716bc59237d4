// Places: where records, references and progress events stand, read again from the YAML files.
#include "accord/xref/places.hpp"

#include "accord/error.hpp"
#include "accord/import/inputs.hpp"
#include "accord/validate/records.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace accord::xref {

namespace {

class PlacesSink : public RecordSink {
public:
    explicit PlacesSink(Places& places) : m_places(places) {}

    void declare(Kind, const std::string& id, const Origin& origin, const yaml::Mark& mark) override {
        m_places.add_record(id, {origin.file, mark.line, mark.column});
    }
    void accept(Record&& record, const Origin& origin, const yaml::Mark& mark) override {
        if (record.kind == Kind::progress) {
            m_places.add_progress(record.text("commitment"), record.text("date"), record.text("party"),
                                  {origin.file, mark.line, mark.column});
        }
    }
    void refer(PendingRef ref) override {
        m_places.add_reference(ref.record.empty() ? ref.subject : ref.record, ref.field, ref.target,
                               {ref.origin.file, ref.mark.line, ref.mark.column});
    }

private:
    Places& m_places;
};

} // namespace

void Places::read(const std::vector<std::string>& paths) {
    std::vector<std::string> files = expand_inputs(paths);
    PlacesSink sink(*this);
    for (std::size_t i = 0; i < files.size(); ++i) {
        yaml::TextCheck check;
        std::string text = read_input(files[i], check);
        if (check.result()) {
            continue; // not UTF-8: `accord check` says why
        }
        std::istringstream in(text);
        yaml::DocumentStream stream(in);
        Origin origin{files[i] == "-" ? std::string("<stdin>") : files[i], i};
        Diagnostics ignored(1);
        while (auto doc = stream.next()) {
            read_document(*doc, origin, sink, ignored);
        }
    }
}

std::optional<Place> Places::of_record(const std::string& id) const {
    auto it = m_records.find(id);
    return it == m_records.end() ? std::nullopt : std::optional<Place>(it->second);
}

std::optional<Place> Places::of_progress(const std::string& commitment, const std::string& date,
                                         const std::string& party) const {
    auto it = m_progress.find({commitment, date, party});
    return it == m_progress.end() ? std::nullopt : std::optional<Place>(it->second);
}

std::optional<Place> Places::of_reference(const std::string& subject, const std::string& field,
                                          const std::string& target) const {
    auto it = m_references.find({subject, field, target});
    return it == m_references.end() ? std::nullopt : std::optional<Place>(it->second);
}

void Places::add_record(const std::string& id, const Place& place) { m_records.emplace(id, place); }

void Places::add_progress(const std::string& commitment, const std::string& date, const std::string& party,
                          const Place& place) {
    m_progress.emplace(std::make_tuple(commitment, date, party), place);
}

void Places::add_reference(const std::string& subject, const std::string& field, const std::string& target,
                           const Place& place) {
    m_references.emplace(std::make_tuple(subject, field, target), place);
}

} // namespace accord::xref
