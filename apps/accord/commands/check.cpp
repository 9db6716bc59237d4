#include "check.hpp"

#include <fmt/ostream.h>

#include <iostream>
#include <memory>

namespace accord::cli {

void setup_check(CLI::App& cmd, GlobalOptions& global) {
    auto options = std::make_shared<CheckOptions>();
    cmd.description("Validate YAML files alone, without a database; the same messages as import.\n"
                    "Every reference must resolve within the files given.\n"
                    "Example: accord check data/");
    add_input_options(cmd, *options);
    cmd.callback([options, &global] {
        options->quiet = global.quiet;
        int code = run_check(*options, std::cout, std::cerr);
        if (code != 0) {
            throw CLI::RuntimeError(code);
        }
    });
}

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    Store store = Store::memory();
    Diagnostics diags(options.max_errors);
    ImportRequest request;
    request.paths = options.paths;
    request.dry_run = true;
    ImportSummary summary = import_files(store, request, diags);
    if (options.format == "json") {
        CheckOptions o = options;
        o.dry_run = true;
        print_result(o, summary, diags, out, err, "checked");
    } else {
        diags.print(err);
        if (!diags.empty()) {
            fmt::print(err, "accord: {} error{} in {} file{}\n", diags.count(), diags.count() == 1 ? "" : "s",
                       summary.files, summary.files == 1 ? "" : "s");
        } else if (!options.quiet) {
            fmt::print(out, "ok: {} file{}, {} record{}\n", summary.files, summary.files == 1 ? "" : "s",
                       summary.total().inserted, summary.total().inserted == 1 ? "" : "s");
        }
    }
    return diags.empty() ? 0 : 1;
}

} // namespace accord::cli
