// accord-check: the same as `accord check`.
#include "commands/check.hpp"

int main(int argc, char** argv) { return accord::cli::main_single(argc, argv, "accord-check", accord::cli::setup_check); }
