# Issue 6 tests: tls part.
