# Issue 6 tests: report part.
sightline_add_test(NAME tst_report SOURCES tst_report.cpp storetestsupport.h serverskip.h
    LIBS sightline_reportcommand sightline_report sightline_sources Qt6::Network Qt6::Gui TIMEOUT 600
    LABELS "postgres;prometheus")
