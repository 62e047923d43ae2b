# Issue 7 (desktop): sightline:// links, the single instance, Preferences, theme, window state and
# shortcuts.
find_package(Qt6 REQUIRED COMPONENTS Sql) # the tests read ids from the demo database
sightline_add_test(NAME tst_sightlinelink SOURCES tst_sightlinelink.cpp LIBS sightline_core)
# The end-to-end case runs the real binary (two of them: a running instance and a launch with a link).
sightline_add_test(NAME tst_singleinstance SOURCES tst_singleinstance.cpp LIBS sightline_ui Qt6::Sql TIMEOUT 240)
target_compile_definitions(tst_singleinstance PRIVATE SIGHTLINE_BINARY="$<TARGET_FILE:sightline>")
add_dependencies(tst_singleinstance sightline)
sightline_add_test(NAME tst_ui_desktop SOURCES tst_ui_desktop.cpp screenshots.h LIBS sightline_ui Qt6::Sql TIMEOUT 240)
