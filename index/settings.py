"""The engine's settings, read from the environment and `.env` (documented in `.env.example`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Where the corpus and index live and which model embeds them."""

    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_", env_file=".env", extra="ignore", frozen=True
    )

    corpus: Path = Field(default=Path("corpus"), description="Folder of .txt and .md articles.")
    data_dir: Path = Field(default=Path("data"), description="Where the built index is kept.")
    encoders: Path | None = Field(
        default=None,
        description="Where the model's exported encoders are kept (default: <data_dir>/encoders).",
    )
    model: str = Field(default=DEFAULT_MODEL, description="sentence-transformers model id or path.")
    top_k: int = Field(default=3, ge=1, le=10, description="Passages per answer.")
