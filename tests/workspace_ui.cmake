# Issue 6 tests: workspace_ui part.

# The connection dialog, Recent Workspaces, switching workspaces, the secret prompt and
# File → Export…, over seeded SQLite workspaces (no server). pdftotext reads the PDF back.
# Secrets go to the test keychain when scripts/test started one (SIGHTLINE_TEST_KEYCHAIN), to a
# memory-only store otherwise. (Qt6Keychain is found by secrets.cmake, included before this file.)
sightline_add_test(NAME tst_ui_workspace SOURCES tst_ui_workspace.cpp screenshots.h storetestsupport.h
    secretstoretestsupport.h serverskip.h LIBS sightline_ui sightline_secrets Qt6Keychain::Qt6Keychain Qt6::Network
    LABELS keychain TIMEOUT 300)
set_tests_properties(tst_ui_workspace PROPERTIES RESOURCE_LOCK sightline_keychain)
