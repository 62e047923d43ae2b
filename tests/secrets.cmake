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
