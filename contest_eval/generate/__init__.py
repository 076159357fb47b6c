"""Generation: prompts, backends behind one protocol, and code extraction.

Importing this package is cheap: model libraries (vLLM, llama-cpp-python) are
imported only by the backend that needs them, through ``get_backend``.
"""

from contest_eval.generate.backend import (
    Backend,
    Completion,
    GenerationError,
    GenerationRequest,
    Sampling,
    backend_names,
    get_backend,
)
from contest_eval.generate.extract import Extraction, extract_code
from contest_eval.generate.prompts import build_messages, template_hash

__all__ = [
    "Backend",
    "Completion",
    "Extraction",
    "GenerationError",
    "GenerationRequest",
    "Sampling",
    "backend_names",
    "build_messages",
    "extract_code",
    "get_backend",
    "template_hash",
]
