# Issue 6 tests: report part.
