// accord-xref: the same as `accord xref` (accord-xref check, lineage, similar).
#include "commands/xref.hpp"

int main(int argc, char** argv) { return accord::cli::main_single(argc, argv, "accord-xref", accord::cli::setup_xref); }
