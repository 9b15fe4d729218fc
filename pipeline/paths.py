"""Where the project's data lives.

An editable install (the documented one) keeps ``configs/`` beside the package;
a wheel install ships the same files under ``<prefix>/share/news-claims/configs``.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_INSTALLED_CONFIGS = Path(sys.prefix) / "share" / "news-claims" / "configs"
CONFIG_DIR = PROJECT_ROOT / "configs" if (PROJECT_ROOT / "configs").is_dir() else _INSTALLED_CONFIGS
PIPELINE_CONFIG = CONFIG_DIR / "pipeline.cfg"
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "claims_pipeline"
CORPUS_DIR = PROJECT_ROOT / "corpus"
