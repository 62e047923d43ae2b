# live_publish tests: the event publisher behind `sightline seed --publish` and live-ingest, against
# the real Redis and PostgreSQL. LIBPQ (top-level imported target) for the test's own LISTEN.
sightline_add_test(NAME tst_livepublisher SOURCES tst_livepublisher.cpp serverskip.h
    LIBS sightline_seedcommand sightline_livepublish PkgConfig::LIBPQ LABELS "redis;postgres")
