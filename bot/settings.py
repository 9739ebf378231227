"""The bot's settings: the engine's, plus what Discord needs (documented in `.env.example`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationInfo, field_validator
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
    threads: bool = Field(
        default=False, description="Answer each @mention in a thread named after the question."
    )
    cooldown_rate: int = Field(default=3, ge=1, le=1000, description="Questions a person may ask…")
    cooldown_seconds: float = Field(
        default=30.0, gt=0, le=86_400, allow_inf_nan=False, description="…in this many seconds."
    )
    updates_channel: int | None = Field(
        default=None, description="Channel id where a notice names what changed in the story."
    )
    metrics_port: int | None = Field(
        default=None,
        ge=0,
        le=65535,
        description="Serve Prometheus /metrics and /healthz on this port (unset: no server).",
    )
    metrics_host: str = Field(default="127.0.0.1", description="Address the metrics server binds.")
    log_format: Literal["text", "json"] = Field(
        default="text", description="text, or json for one JSON object a line (log shippers)."
    )
    shard_count: int | None = Field(
        default=None, ge=1, description="Shards in all (unset: as many as Discord recommends)."
    )
    shard_ids: Annotated[tuple[int, ...], NoDecode] = Field(
        default=(), description="This process's shards, e.g. 0,1 (needs STORYBOT_SHARD_COUNT)."
    )

    @field_validator(
        "discord_token",
        "discord_guild_id",
        "updates_channel",
        "metrics_port",
        "shard_count",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """`DISCORD_TOKEN=` in `.env` means no token, not an empty one."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("channels", "shard_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """Accept `123, 456` (or spaces) as well as a list of ids."""
        if isinstance(value, str):
            return value.replace(",", " ").split()
        return value

    @field_validator("shard_ids")
    @classmethod
    def _shards_within_count(cls, ids: tuple[int, ...], info: ValidationInfo) -> tuple[int, ...]:
        """Shard ids need the count they are out of, and must fall within it."""
        count = info.data.get("shard_count")
        if ids and count is None:
            raise ValueError("STORYBOT_SHARD_IDS needs STORYBOT_SHARD_COUNT")
        if count is not None and any(not 0 <= i < count for i in ids):
            raise ValueError(f"STORYBOT_SHARD_IDS must lie in 0..{count - 1}")
        return ids
