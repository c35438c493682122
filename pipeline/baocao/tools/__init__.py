"""Helpers beside the build: baocao new (a document to start from) and make bench."""
