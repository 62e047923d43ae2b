# Issue 7 (translations): the German catalogue is complete, covers every tr() text in the sources
# (lupdate runs over the same files as the update_translations target), keeps every placeholder,
# loads the way the application loads it; and numbers, sizes and dates follow the locale.
get_property(SIGHTLINE_LUPDATE_SOURCES_FILE GLOBAL PROPERTY SIGHTLINE_LUPDATE_SOURCES_FILE)
get_property(SIGHTLINE_LUPDATE_OPTIONS GLOBAL PROPERTY SIGHTLINE_LUPDATE_OPTIONS)
get_property(SIGHTLINE_TS_FILES GLOBAL PROPERTY SIGHTLINE_TS_FILES)
list(GET SIGHTLINE_TS_FILES 0 SIGHTLINE_GERMAN_TS)
get_property(SIGHTLINE_ENGLISH_TS GLOBAL PROPERTY SIGHTLINE_ENGLISH_TS)
sightline_add_test(NAME tst_translations SOURCES tst_translations.cpp
    LIBS sightline_i18n sightline_ui sightline_lineage sightline_core)
string(REPLACE ";" "|" lupdate_options "${SIGHTLINE_LUPDATE_OPTIONS}")
target_compile_definitions(tst_translations PRIVATE
    SIGHTLINE_TS_FILE="${SIGHTLINE_GERMAN_TS}"
    SIGHTLINE_EN_TS_FILE="${SIGHTLINE_ENGLISH_TS}"
    SIGHTLINE_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
    SIGHTLINE_LUPDATE_SOURCES="${SIGHTLINE_LUPDATE_SOURCES_FILE}"
    SIGHTLINE_LUPDATE_OPTIONS="${lupdate_options}")
