# Live events core (issue 5): parser, ring, filter, rate, profile "live".
sightline_add_test(NAME tst_liveevent SOURCES tst_liveevent.cpp LIBS sightline_core)
