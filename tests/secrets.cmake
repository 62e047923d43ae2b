# Issue 6 tests: secrets part.
