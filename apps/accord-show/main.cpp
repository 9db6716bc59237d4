// accord-show: the same as `accord show`.
#include "commands/show.hpp"

int main(int argc, char** argv) { return accord::cli::main_single(argc, argv, "accord-show", accord::cli::setup_show); }
