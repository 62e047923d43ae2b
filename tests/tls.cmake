# Issue 6 tests: tls part. TLS against the servers scripts/test starts with the test CA of
# scripts/lib/tls.sh (PostgreSQL verify-full, rediss://, the storage service over HTTPS), and the
# connection dialog's "Test connection" per source.
sightline_add_test(NAME tst_tls SOURCES tst_tls.cpp livetestsupport.h serverskip.h awaitfuture.h
    LIBS sightline_connection sightline_live sightline_redis sightline_memory sightline_prometheus sightline_sources
         Qt6::Network
    LABELS "postgres;redis;memory" TIMEOUT 180)
sightline_add_test(NAME tst_connectiontest SOURCES tst_connectiontest.cpp serverskip.h awaitfuture.h testservers.h
    LIBS sightline_connection sightline_sources Qt6::Network
    LABELS "postgres;redis;s3;memory;files;prometheus" TIMEOUT 180)
