"""Resolve stage: budget tables read and computed, amounts declared and cited, every problem."""
