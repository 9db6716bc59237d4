#pragma once
// Test helpers: import YAML text into a store, as the importer does with files.
#include "accord/import/importer.hpp"
#include "accord/store/store.hpp"

#include <cstdio>
#include <filesystem>
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

// A scratch folder, removed with all it holds at the end of the test.
struct ScratchDir {
    std::string path;
    ScratchDir() {
        char dir[] = "/tmp/accord-unit-XXXXXX";
        path = ::mkdtemp(dir);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

// The scratch folder of import_text, the same for the whole test run: importing the same name
// again is importing the same file again (a file owns its records).
inline const std::string& scratch_folder() {
    struct Scratch {
        std::string folder;
        Scratch() {
            char dir[] = "/tmp/accord-unit-XXXXXX";
            folder = ::mkdtemp(dir);
        }
        ~Scratch() { ::rmdir(folder.c_str()); }
    };
    static const Scratch scratch;
    return scratch.folder;
}

// Imports text as the file `name` of the scratch folder (removed afterwards).
inline ImportSummary import_text(Store& store, const std::string& text, Diagnostics& diags, bool dry_run = false,
                                 const std::string& name = "input.yaml") {
    std::string path = scratch_folder() + "/" + name;
    std::ofstream(path) << text;
    struct Remove {
        std::string path;
        ~Remove() { std::remove(path.c_str()); }
    } remove{path};
    ImportRequest r;
    r.paths = {path};
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

// An in-memory store holding the records of a file or folder of the source tree (a path from
// its top, "/tests/fixtures/..."), which must import cleanly.
inline Store store_of_source(const std::string& path) {
    Store store = Store::memory();
    Diagnostics d;
    ImportRequest r;
    r.paths = {std::string(ACCORD_SOURCE_DIR) + path};
    import_files(store, r, d);
    if (!d.empty()) {
        std::ostringstream why;
        d.print(why);
        throw std::runtime_error(path + " does not import: " + why.str());
    }
    return store;
}

} // namespace accord::test
