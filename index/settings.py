"""The engine's settings, read from the environment and `.env` files (documented in `.env.example`).

Nothing depends on the folder StoryBot is started in: the corpus defaults to the article shipped
inside the package, the index to the user's cache folder, and `.env` is read from the current
folder and from the user's config folder.

A value that is mistyped or out of range, or a path that cannot be what it names, is one line
naming the variable and what it accepts (`load_settings`), before anything heavy is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, get_args

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from index.passages import StoryError

APP = "storybot"
DEFAULT_MODEL = "all-MiniLM-L6-v2"
SHIPPED_CORPUS = Path(__file__).resolve().parent / "shipped_corpus"
"""The article that comes with StoryBot, installed with the package."""
SHOWN_CHARS = 40
"""How much of a rejected value the error repeats."""


class SettingsInvalid(StoryError):
    """A setting has a value the engine cannot use; the message names the variable."""


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

    @field_validator("corpus", "data_dir", "encoders", "model", mode="before")
    @classmethod
    def _not_blank(cls, value: Any) -> Any:
        """`STORYBOT_CORPUS=` would otherwise mean the current folder, silently."""
        if isinstance(value, str) and not value.strip():
            raise ValueError("blank")
        return value

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


S = TypeVar("S", bound=Settings)


def load_settings(kind: type[S], **values: Any) -> S:
    """The settings from the environment and `.env`, their paths checked; raises SettingsInvalid."""
    try:
        settings = kind(**values)
    except ValidationError as error:
        raise SettingsInvalid(invalid_setting(kind, error)) from None
    except UnicodeDecodeError as error:
        raise SettingsInvalid(f"The .env file is not UTF-8 text ({error.reason}).") from None
    check_places(settings)
    return settings


def invalid_setting(kind: type[Settings], error: ValidationError) -> str:
    """One line: which variable, the value given (never a secret's) and what it accepts."""
    problem = error.errors(include_url=False)[0]
    name = str(problem["loc"][0]) if problem["loc"] else ""
    field_name, field = _field(kind, name)
    variable = _variable(kind, field_name, field)
    value = problem.get("input")
    secret = field is not None and "Secret" in str(field.annotation)
    shown = "" if secret or not isinstance(value, str | int | float) else f"={_short(value)}"
    accepts = accepted(field) if field is not None else problem["msg"].lower()
    return f"Invalid setting {variable}{shown}: it accepts {accepts}."


ACCEPTS = {
    "frozenset[int]": "channel ids (whole numbers) separated by commas or spaces",
    "tuple[int": "whole numbers separated by commas or spaces",
    "SecretStr": "the bot's token",
    "bool": "true or false",
    "float": "a number",
    "int": "a whole number",
    "Path": "a folder path",
    "str": "a name or path, not blank",
}
"""What a setting accepts, in words, by the first of these found in its type's name."""


def accepted(field: FieldInfo) -> str:
    """What a field accepts, in words, from its type and bounds."""
    kind = str(field.annotation)
    choices = get_args(field.annotation) if "Literal" in kind else ()
    if choices:
        return "one of " + ", ".join(map(str, choices))
    base = next((text for key, text in ACCEPTS.items() if key in kind), "a value of type " + kind)
    nothing = ", or nothing" if "None" in kind and "int" in kind else ""
    return base + _bounds(field) + nothing


def _bounds(field: FieldInfo) -> str:
    """A field's bounds in words (" from 1 to 10", " above 0", ...), or "" where it has none."""
    bounds = {type(m).__name__: getattr(m, type(m).__name__.lower(), None) for m in field.metadata}
    if "Ge" in bounds:
        return (
            f" from {bounds['Ge']} to {bounds['Le']}"
            if "Le" in bounds
            else f" of {bounds['Ge']} or more"
        )
    if "Gt" in bounds:
        return f" above {bounds['Gt']}" + (f" and at most {bounds['Le']}" if "Le" in bounds else "")
    if "Le" in bounds:
        return f" of at most {bounds['Le']}"
    return ""


def check_places(settings: Settings) -> None:
    """A data folder, encoders folder or corpus that names a file is one line, not a crash later."""
    places = {"corpus": settings.corpus, "data_dir": settings.data_dir}
    if settings.encoders is not None:
        places["encoders"] = settings.encoders
    for name, path in places.items():
        blocker = _file_in_the_way(path)
        if blocker is not None:
            variable = _variable(type(settings), name, type(settings).model_fields[name])
            where = "is a file" if blocker == path else f"is inside {blocker}, which is a file"
            raise SettingsInvalid(
                f"Invalid setting {variable}={_short(str(path))}: it {where}; "
                f"it accepts {accepted(type(settings).model_fields[name])}."
            )


def _file_in_the_way(path: Path) -> Path | None:
    """The path itself or the nearest existing folder above it, when that is not a folder."""
    for place in (path, *path.parents):
        try:
            if place.exists():
                return None if place.is_dir() else place
        except OSError:  # a name too long, a loop of links: nothing can be made there either
            return place
    return None


def _field(kind: type[Settings], name: str) -> tuple[str, FieldInfo | None]:
    for field_name, field in kind.model_fields.items():
        aliases = getattr(field.validation_alias, "choices", [])
        if name.lower() in (field_name, *(str(a).lower() for a in aliases)):
            return field_name, field
    return name, None


def _variable(kind: type[Settings], name: str, field: FieldInfo | None) -> str:
    aliases = getattr(field.validation_alias, "choices", []) if field is not None else []
    if aliases:
        return str(aliases[0])
    return f"{kind.model_config.get('env_prefix', '')}{name}".upper()


def _short(value: object) -> str:
    text = str(value)
    text = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    return repr(text) if not text.isprintable() or " " in text or not text else text
