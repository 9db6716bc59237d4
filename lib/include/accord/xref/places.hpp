#pragma once
// Where records come from, read again from the YAML files (with the importer's reader, no
// database I/O): `xref check PATH...` places a finding about a reference at the reference
// itself; the database keeps the place of each record only.
#include "accord/yaml/node.hpp"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace accord::xref {

struct Place {
    std::string file;
    int line = 0;
    int column = 0;
};

class Places {
public:
    // Reads files and folders as `accord import` does (recursively *.yaml, *.yml, sorted).
    // A missing path throws IoError; a file with errors still gives the places of the
    // records read before them.
    void read(const std::vector<std::string>& paths);

    std::optional<Place> of_record(const std::string& id) const;
    std::optional<Place> of_progress(const std::string& commitment, const std::string& date,
                                     const std::string& party) const;
    // Where a record (or, for a progress event, its commitment) names target in field.
    std::optional<Place> of_reference(const std::string& subject, const std::string& field,
                                      const std::string& target) const;

    void add_record(const std::string& id, const Place& place);
    void add_progress(const std::string& commitment, const std::string& date, const std::string& party,
                      const Place& place);
    void add_reference(const std::string& subject, const std::string& field, const std::string& target,
                       const Place& place);

private:
    std::map<std::string, Place> m_records;
    std::map<std::tuple<std::string, std::string, std::string>, Place> m_progress;
    std::map<std::tuple<std::string, std::string, std::string>, Place> m_references;
};

} // namespace accord::xref
