// accord-search: the same as `accord search`.
#include "commands/search.hpp"

int main(int argc, char** argv) {
    return accord::cli::main_single(argc, argv, "accord-search", accord::cli::setup_search);
}
