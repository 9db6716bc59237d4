// accord-list: the same as `accord list`.
#include "commands/list.hpp"

int main(int argc, char** argv) { return accord::cli::main_single(argc, argv, "accord-list", accord::cli::setup_list); }
