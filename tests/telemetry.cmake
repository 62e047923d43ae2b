# Issue 7 (telemetry): Sightline's own metrics (prometheus-cpp) and its JSON-line logs.
# Both run the real binary too (found like tst_secretleak's: SIGHTLINE_TEST_SIGHTLINE overrides).
sightline_add_test(NAME tst_metrics SOURCES tst_metrics.cpp serverskip.h binarytestsupport.h
    LIBS sightline_live sightline_telemetry Qt6::Network LABELS "postgres;prometheus" TIMEOUT 240)
target_compile_definitions(tst_metrics PRIVATE SIGHTLINE_BINARY="$<TARGET_FILE:sightline>")
add_dependencies(tst_metrics sightline)

sightline_add_test(NAME tst_logging SOURCES tst_logging.cpp binarytestsupport.h
    LIBS sightline_redis sightline_telemetry TIMEOUT 180)
target_compile_definitions(tst_logging PRIVATE SIGHTLINE_BINARY="$<TARGET_FILE:sightline>")
add_dependencies(tst_logging sightline)
