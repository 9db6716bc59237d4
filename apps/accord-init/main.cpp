// accord-init: the same as `accord init`.
#include "commands/init.hpp"

int main(int argc, char** argv) { return accord::cli::main_single(argc, argv, "accord-init", accord::cli::setup_init); }
