"""Where the project's data lives (an editable install keeps it beside the package)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = PROJECT_ROOT / "configs"
PIPELINE_CONFIG = CONFIG_DIR / "pipeline.cfg"
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "claims_pipeline"
CORPUS_DIR = PROJECT_ROOT / "corpus"
