"""The bot's settings: the engine's, plus what Discord needs (documented in `.env.example`)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from index.settings import Settings


class BotSettings(Settings):
    """How to reach Discord, where to listen, and how often one person may ask."""

    discord_token: SecretStr | None = Field(
        default=None,
        # Discord's own names carry no STORYBOT_ prefix; the field name still works as an argument.
        validation_alias=AliasChoices("DISCORD_TOKEN", "discord_token"),
        description="The bot's token, from the Developer Portal's Bot page.",
    )
    discord_guild_id: int | None = Field(
        default=None,
        validation_alias=AliasChoices("DISCORD_GUILD_ID", "discord_guild_id"),
        description="Sync commands to this server only (instant); unset syncs them globally.",
    )
    channels: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(),
        description="Channel ids where every message is a question (comma-separated).",
    )
    cooldown_rate: int = Field(default=3, ge=1, le=1000, description="Questions a person may ask…")
    cooldown_seconds: float = Field(
        default=30.0, gt=0, le=86_400, allow_inf_nan=False, description="…in this many seconds."
    )

    @field_validator("discord_token", "discord_guild_id", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """`DISCORD_TOKEN=` in `.env` means no token, not an empty one."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("channels", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """Accept `123, 456` (or spaces) as well as a list of ids."""
        if isinstance(value, str):
            return value.replace(",", " ").split()
        return value
