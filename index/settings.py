"""The engine's settings, read from the environment and `.env` (documented in `.env.example`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
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
    record: bool = Field(default=True, description="Keep a log of questions (off: nothing kept).")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the question log (default: SQLite in the data folder).",
    )
    retention_days: int | None = Field(
        default=None, ge=1, description="Delete logged questions older than this many days."
    )

    @field_validator("database_url", "retention_days", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """`STORYBOT_DATABASE_URL=` in `.env` means the default, not an empty URL."""
        return None if isinstance(value, str) and not value.strip() else value
