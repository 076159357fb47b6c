"""Building and validating hidden-test suites from recipes under ``suites/``."""
