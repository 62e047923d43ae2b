# Issue 7 (translations): tests are being written.
