# Debian packages with CPack (`make package`): accord (the tools, man pages, bash completion)
# and accord-dev (static library, headers, CMake package). Runtime Depends of accord come from
# dpkg-shlibdeps on the installed binaries; accord-dev's are the -dev packages its config finds.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME accord)
set(CPACK_PACKAGE_VENDOR "accord")
set(CPACK_PACKAGE_CONTACT "accord maintainers <accord@localhost>")
# Each package's Description is its own: summary line, then the text (CMake issue 23032).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY IGNORE)
# The installed binaries without their debug information (RelWithDebInfo tools are ~20 MB each).
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tools development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME accord)
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "command-line tools for the records of cyber-policy dialogues
accord imports YAML records of dialogues, statements, commitments and programs
into SQLite, cross-references commitments and reports their progress.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME accord-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "libyaml-cpp-dev, libfmt-dev, libsqlitecpp-dev, libsqlite3-dev")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION "C++ library for the records of cyber-policy dialogues
The static library, headers and CMake package of accord: find_package(accord)
then link accord::accord.")

include(CPack)
cpack_add_component(tools DISPLAY_NAME "accord tools")
cpack_add_component(development DISPLAY_NAME "accord development files")
