# Issue 6 tests: secrets part.
#
# tst_secretstore runs against the keychain scripts/lib/keychain.sh starts (label keychain): a
# private D-Bus session bus with gnome-keyring's Secret Service. It reaches the keychain directly
# too (QtKeychain), to delete an entry behind Sightline's back. The runs share that one keychain,
# hence the lock.
find_package(Qt6Keychain REQUIRED)
sightline_add_test(NAME tst_secretstore SOURCES tst_secretstore.cpp secretstoretestsupport.h serverskip.h
    LIBS sightline_secrets Qt6Keychain::Qt6Keychain Qt6::Network LABELS keychain TIMEOUT 120)
set_tests_properties(tst_secretstore PROPERTIES RESOURCE_LOCK sightline_keychain)

# The end-to-end proof that no secret reaches a file: runs the real sightline binary (GUI offscreen
# and `sightline report`) against every test server, secrets from the environment and from the
# keychain, then searches everything it wrote.
sightline_add_test(NAME tst_secretleak SOURCES tst_secretleak.cpp serverskip.h
    LIBS sightline_secrets sightline_sources LABELS "keychain;postgres;redis;s3;prometheus;memory" TIMEOUT 900)
target_compile_definitions(tst_secretleak PRIVATE SIGHTLINE_BINARY="$<TARGET_FILE:sightline>")
add_dependencies(tst_secretleak sightline)
set_tests_properties(tst_secretleak PROPERTIES RESOURCE_LOCK sightline_keychain)
