"""contest-eval: a contamination-aware live contest evaluator for code LLMs."""

__version__ = "0.1.0"
