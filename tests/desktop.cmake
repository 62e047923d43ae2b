# Issue 7 (desktop): tests are being written.
