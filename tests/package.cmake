# Issue 7 (package): the desktop files, the man page, the Grafana dashboard and the installed tree.
# The validators are Debian packages (scripts/install-deps); a missing one fails its test with the
# package's name, it never skips.

set(SIGHTLINE_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")

# add_test for a tool found by find_program, or a test that fails naming the Debian package.
function(sightline_add_tool_test name program package)
    find_program(tool_${program} ${program})
    if(tool_${program})
        add_test(NAME ${name} COMMAND ${tool_${program}} ${ARGN})
    else()
        add_test(NAME ${name} COMMAND sh -c
            "echo '${program} not found: install the Debian package ${package} (scripts/install-deps)' >&2; exit 1")
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT 60 LABELS package)
endfunction()

sightline_add_tool_test(desktop_file_validate desktop-file-validate desktop-file-utils
    "${SIGHTLINE_PACKAGING_DIR}/${SIGHTLINE_APP_ID}.desktop")
# desktop-file-validate exits 0 on hints and some warnings: any report fails the test.
set_tests_properties(desktop_file_validate PROPERTIES FAIL_REGULAR_EXPRESSION "error|warning|hint")

sightline_add_tool_test(appstream_validate appstreamcli appstream
    validate --no-net --explain "${SIGHTLINE_PACKAGING_DIR}/${SIGHTLINE_APP_ID}.metainfo.xml")
set_tests_properties(appstream_validate PROPERTIES FAIL_REGULAR_EXPRESSION "(^|\n)[EW]: ")

# groff prints a warning per problem and still exits 0: any output fails the test.
sightline_add_tool_test(manpage_lint groff groff-base -man -ww -z "${SIGHTLINE_PACKAGING_DIR}/sightline.1")
set_tests_properties(manpage_lint PROPERTIES FAIL_REGULAR_EXPRESSION ".")

sightline_add_test(NAME tst_grafanadashboard SOURCES tst_grafanadashboard.cpp LIBS sightline_core TIMEOUT 60)
target_compile_definitions(tst_grafanadashboard PRIVATE
    SIGHTLINE_GRAFANA_DASHBOARD="${PROJECT_SOURCE_DIR}/resources/grafana/sightline-evaluation.json"
    SIGHTLINE_GRAFANA_PROFILE="${PROJECT_SOURCE_DIR}/resources/grafana/workspace-profile-example.json")
set_tests_properties(tst_grafanadashboard PROPERTIES LABELS package)

# `cmake --install` of the package's build directories into a temporary prefix: needs the whole
# build (the sightline binary, the icons, the man page), as ctest runs after it. It depends on the
# icons and man page only, so that building this test alone does not link the app.
sightline_add_test(NAME tst_packageinstall SOURCES tst_packageinstall.cpp LIBS Qt6::Gui TIMEOUT 180)
# The build directories whose install rules make the package (packaging/CMakeLists.txt).
get_property(package_install_dirs GLOBAL PROPERTY SIGHTLINE_PACKAGE_INSTALL_DIRS)
list(JOIN package_install_dirs "|" package_install_dirs)
target_compile_definitions(tst_packageinstall PRIVATE
    SIGHTLINE_PACKAGE_INSTALL_DIRS="${package_install_dirs}" SIGHTLINE_CMAKE_COMMAND="${CMAKE_COMMAND}")
add_dependencies(tst_packageinstall sightline_installed_files)
set_tests_properties(tst_packageinstall PROPERTIES LABELS package)
