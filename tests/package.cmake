# Issue 7 (package): tests are being written.
