// Uses the installed accord library: a partial date, then the records of each kind in a database.
#include <accord/model/date.hpp>
#include <accord/model/vocab.hpp>
#include <accord/store/query.hpp>
#include <accord/store/store.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: accord_consumer DATABASE\n";
        return 2;
    }
    auto due = accord::PartialDate::parse("2025-10");
    if (!due) {
        return 1;
    }
    std::cout << "due " << due->str() << " is reached after " << due->last_day().str() << '\n';
    std::cout << "accord " << ACCORD_VERSION << ", schema " << accord::k_schema_version << '\n';
    accord::Store store(argv[1], accord::Store::Access::read_only);
    for (auto name : accord::k_kind_names) {
        auto kind = accord::kind_from_string(name);
        std::cout << name << ' ' << accord::list_records(store, *kind, accord::Filter{}).rows.size() << '\n';
    }
    return 0;
}
