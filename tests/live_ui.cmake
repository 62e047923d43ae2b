# live_ui tests: the Live Events model (hand-built batches) and view (real Redis and PostgreSQL).
sightline_add_test(NAME tst_liveeventmodel SOURCES tst_liveeventmodel.cpp LIBS sightline_models)
sightline_add_test(NAME tst_ui_live SOURCES tst_ui_live.cpp screenshots.h awaitfuture.h
    LIBS sightline_ui Qt6::Network LABELS "redis;postgres" TIMEOUT 300)
