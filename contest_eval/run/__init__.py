"""The pipeline: select problems, generate, judge, store, resume."""
