# Issue 6 tests: workspace_ui part.
