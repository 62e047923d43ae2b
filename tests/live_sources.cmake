# live_sources tests: the Live Events hub and its sources (src/sources/live), against the real
# Redis and PostgreSQL that scripts/test starts.
sightline_add_test(NAME tst_livesource_scanner SOURCES tst_livesource_scanner.cpp LIBS sightline_live)
sightline_add_test(NAME tst_livehub_redis SOURCES tst_livehub_redis.cpp livetestsupport.h testservers.h
    LIBS sightline_live LABELS redis)
sightline_add_test(NAME tst_livehub_postgres SOURCES tst_livehub_postgres.cpp livetestsupport.h
    LIBS sightline_live LABELS "postgres;redis")
