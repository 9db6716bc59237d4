// accord-report: the same as `accord report`.
#include "commands/report.hpp"

int main(int argc, char** argv) {
    return accord::cli::main_single(argc, argv, "accord-report", accord::cli::setup_report);
}
