// accord-extract: the same as `accord extract`.
#include "commands/extract.hpp"

int main(int argc, char **argv) {
    return accord::cli::main_single(argc, argv, "accord-extract", accord::cli::setup_extract);
}
