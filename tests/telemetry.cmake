# Issue 7 (telemetry): tests are being written.
