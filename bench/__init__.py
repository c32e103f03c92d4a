"""The benchmark of issue #7: a large site served by the production server, measured against a static file."""
