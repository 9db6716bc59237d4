// accord-export: the same as `accord export`.
#include "commands/export.hpp"

int main(int argc, char** argv) {
    return accord::cli::main_single(argc, argv, "accord-export", accord::cli::setup_export);
}
