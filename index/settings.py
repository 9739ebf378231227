"""The engine's settings, read from the environment and `.env` files (documented in `.env.example`).

Nothing depends on the folder StoryBot is started in: the corpus defaults to the article shipped
inside the package, the index to the user's cache folder, and `.env` is read from the current
folder and from the user's config folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

APP = "storybot"
DEFAULT_MODEL = "all-MiniLM-L6-v2"
SHIPPED_CORPUS = Path(__file__).resolve().parent / "shipped_corpus"
"""The article that comes with StoryBot, installed with the package."""


def cache_folder() -> Path:
    """The user's cache folder for StoryBot (~/.cache/storybot on Linux): the default index."""
    return platformdirs.user_cache_path(APP)


def user_env_file() -> Path:
    """The `.env` in the user's config folder (~/.config/storybot/.env on Linux)."""
    return platformdirs.user_config_path(APP) / ".env"


def env_files() -> tuple[Path, ...]:
    """The `.env` files settings are read from, the first found winning a variable."""
    return (Path(".env"), user_env_file())


class Settings(BaseSettings):
    """Where the corpus and index live and which model embeds them."""

    model_config = SettingsConfigDict(
        env_prefix="STORYBOT_", env_file=".env", extra="ignore", frozen=True
    )

    corpus: Path = Field(
        default=SHIPPED_CORPUS,
        description="Folder of .txt and .md articles (default: the article shipped with StoryBot).",
    )
    data_dir: Path = Field(
        default_factory=cache_folder,
        description="Where the built index is kept (default: the user's cache folder).",
    )
    encoders: Path | None = Field(
        default=None,
        description="Where the model's exported encoders are kept (default: <data_dir>/encoders).",
    )
    model: str = Field(default=DEFAULT_MODEL, description="sentence-transformers model id or path.")
    top_k: int = Field(default=3, ge=1, le=10, description="Passages per answer (1-10).")
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

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments, then the environment, then `.env` here, then the user's config `.env`."""
        sources = [init_settings, env_settings, dotenv_settings]
        # `_env_file=None` (as tests pass) turns every `.env` off, the user's one included.
        if isinstance(dotenv_settings, DotEnvSettingsSource) and dotenv_settings.env_file:
            sources.append(DotEnvSettingsSource(settings_cls, env_file=user_env_file()))
        return (*sources, file_secret_settings)


def variable(field: str) -> str:
    """The environment variable that sets a field of the settings."""
    return f"STORYBOT_{field.upper()}"
