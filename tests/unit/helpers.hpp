#pragma once
// Test helpers: import YAML text into a store, as the importer does with files.
#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <fstream>
#include <string>
#include <unistd.h>

namespace accord::test {

// A YAML file in a scratch folder, removed at the end of the test.
struct TempFile {
    std::string path;
    explicit TempFile(const std::string& text, const std::string& name = "input.yaml") {
        char dir[] = "/tmp/accord-unit-XXXXXX";
        path = std::string(::mkdtemp(dir)) + "/" + name;
        std::ofstream(path) << text;
    }
    ~TempFile() {
        std::remove(path.c_str());
        ::rmdir(path.substr(0, path.rfind('/')).c_str());
    }
};

inline ImportSummary import_text(Store& store, const std::string& text, Diagnostics& diags, bool dry_run = false) {
    TempFile f(text);
    ImportRequest r;
    r.paths = {f.path};
    r.dry_run = dry_run;
    return import_files(store, r, diags);
}

// An in-memory store holding the records of a YAML text that must import cleanly.
inline Store store_with(const std::string& yaml) {
    Store store = Store::memory();
    Diagnostics d;
    import_text(store, yaml, d);
    if (!d.empty()) {
        std::ostringstream why;
        d.print(why);
        throw std::runtime_error("the test records do not import: " + why.str());
    }
    return store;
}

} // namespace accord::test
