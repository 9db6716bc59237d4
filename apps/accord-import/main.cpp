// accord-import: the same as `accord import`.
#include "commands/import.hpp"

int main(int argc, char** argv) { return accord::cli::main_single(argc, argv, "accord-import", accord::cli::setup_import); }
