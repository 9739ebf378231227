"""The JSON a fake Discord sends: users, the guild, interactions, messages."""

from __future__ import annotations

import itertools
from typing import Any

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 900000000000000003
CHANNEL_ID = 900000000000000004
OWNER_ID = 900000000000000005
# With two shards, Discord sends GUILD_ID's events to shard 1 and these to shard 0
# ((guild_id >> 22) % shard_count).
OTHER_GUILD_ID = 900000000004194307
OTHER_CHANNEL_ID = 900000000004194308
CHANNELS = {GUILD_ID: CHANNEL_ID, OTHER_GUILD_ID: OTHER_CHANNEL_ID}
FORUM_ID = 900000000000000006
JOINED = "2025-01-01T00:00:00+00:00"
OPTION_TYPES = {str: 3, int: 4, bool: 5}

_ids = itertools.count(910000000000000000)


def new_id() -> int:
    """A fresh snowflake."""
    return next(_ids)


def user(user_id: int, name: str | None = None, *, bot: bool = False) -> dict[str, Any]:
    """A user object."""
    name = name or f"reader{user_id % 1000}"
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


BOT_USER = user(BOT_ID, "StoryBot", bot=True)


def application() -> dict[str, Any]:
    """The bot's application, as `GET /oauth2/applications/@me` gives it."""
    return {
        "id": str(APP_ID),
        "name": "StoryBot",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user(OWNER_ID, "owner"),
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
        "summary": "",
    }


def text_channel(guild_id: int = GUILD_ID) -> dict[str, Any]:
    """The guild's one text channel."""
    return {
        "id": str(CHANNELS[guild_id]),
        "type": 0,
        "guild_id": str(guild_id),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }


def forum_channel() -> dict[str, Any]:
    """The guild's forum channel (type 15): each post is a thread."""
    return {
        "id": str(FORUM_ID),
        "type": 15,
        "guild_id": str(GUILD_ID),
        "name": "ask-the-story",
        "position": 1,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "available_tags": [],
        "default_reaction_emoji": None,
        "default_sort_order": None,
        "default_forum_layout": 0,
        "flags": 0,
    }


def thread(thread_id: int, parent_id: int, name: str, owner_id: int = BOT_ID) -> dict[str, Any]:
    """A public thread (type 11) of a channel of the guild."""
    return {
        "id": str(thread_id),
        "type": 11,
        "guild_id": str(GUILD_ID),
        "parent_id": str(parent_id),
        "owner_id": str(owner_id),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": JOINED,
            "locked": False,
        },
    }


def guild(guild_id: int = GUILD_ID, threads: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The guild as GUILD_CREATE brings it, with the active threads (and, for GUILD_ID, a
    forum)."""
    return {
        "id": str(guild_id),
        "name": "Newsroom" if guild_id == GUILD_ID else "Copy desk",
        "icon": None,
        "owner_id": str(OWNER_ID),
        "roles": [{"id": str(guild_id), "name": "@everyone", "permissions": "0", "position": 0}],
        "emojis": [],
        "stickers": [],
        "features": [],
        "channels": [text_channel(guild_id), *([forum_channel()] if guild_id == GUILD_ID else [])],
        "threads": threads or [],
        "members": [member(BOT_ID, BOT_USER)],
        "member_count": 2,
        "unavailable": False,
        "large": False,
        "joined_at": JOINED,
        "premium_tier": 0,
        "preferred_locale": "en-US",
    }


def ready(
    session_id: str,
    resume_url: str,
    guild_ids: list[int] | None = None,
    shard: list[int] | None = None,
) -> dict[str, Any]:
    """The READY event, its guilds still unavailable until GUILD_CREATE."""
    data = {
        "v": 10,
        "user": BOT_USER,
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids or [GUILD_ID]],
        "application": {"id": str(APP_ID), "flags": 0},
    }
    return data | ({"shard": shard} if shard else {})


def member(user_id: int, user_data: dict[str, Any] | None = None) -> dict[str, Any]:
    """A guild member."""
    return {
        "user": user_data or user(user_id),
        "roles": [],
        "joined_at": JOINED,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": "2147483647",
    }


def interaction(
    kind: int, user_id: int, data: dict[str, Any], guild_id: int = GUILD_ID, **extra: Any
) -> dict[str, Any]:
    """An INTERACTION_CREATE of this type (2 a command, 3 a component, 4 autocomplete) in the
    guild's channel."""
    interaction_id = new_id()
    return {
        "id": str(interaction_id),
        "application_id": str(APP_ID),
        "type": kind,
        "token": f"interaction-token-{interaction_id}",
        "version": 1,
        "guild_id": str(guild_id),
        "channel_id": str(CHANNELS[guild_id]),
        "channel": text_channel(guild_id),
        "member": member(user_id),
        "app_permissions": "2147483647",
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild_id)},
        "context": 0,
        "attachment_size_limit": 8 * 1024 * 1024,
        "data": data,
        **extra,
    }


def slash(
    name: str, user_id: int, guild_id: int = GUILD_ID, **options: str | bool | int
) -> dict[str, Any]:
    """An INTERACTION_CREATE for a slash command typed in the guild's channel."""
    data = {
        "id": str(new_id()),
        "name": name,
        "type": 1,
        "options": [
            {"name": key, "type": OPTION_TYPES[type(value)], "value": value}
            for key, value in options.items()
        ],
    }
    return interaction(2, user_id, data, guild_id)


def autocomplete(
    name: str, user_id: int, option: str, typed: str, guild_id: int = GUILD_ID
) -> dict[str, Any]:
    """An APPLICATION_COMMAND_AUTOCOMPLETE (type 4) while `option` of /name is being typed."""
    focused = {"name": option, "type": 3, "value": typed, "focused": True}
    data = {"id": str(new_id()), "name": name, "type": 1, "options": [focused]}
    return interaction(4, user_id, data, guild_id)


def message_command(name: str, user_id: int, target: dict[str, Any]) -> dict[str, Any]:
    """A message context-menu command (type 2, data.type 3) run on `target`."""
    data = {
        "id": str(new_id()),
        "name": name,
        "type": 3,
        "target_id": target["id"],
        "resolved": {"messages": {target["id"]: target}},
    }
    return interaction(2, user_id, data)


def component(user_id: int, message: dict[str, Any], custom_id: str) -> dict[str, Any]:
    """A MESSAGE_COMPONENT interaction (type 3): a press of the button `custom_id` on `message`."""
    data = {"custom_id": custom_id, "component_type": 2}
    return interaction(3, user_id, data, message=message)


def interaction_metadata(interaction: dict[str, Any]) -> dict[str, Any]:
    """What a message sent in answer to an interaction says of it: who ran it."""
    return {
        "id": interaction["id"],
        "type": interaction["type"],
        "user": interaction["member"]["user"],
        "authorizing_integration_owners": interaction["authorizing_integration_owners"],
    }


def button_ids(message: dict[str, Any]) -> list[str]:
    """The custom ids of a message's buttons, row by row."""
    rows = message.get("components") or []
    return [c["custom_id"] for row in rows for c in row.get("components", []) if "custom_id" in c]


def message(channel_id: int, author: dict[str, Any], content: str, **extra: Any) -> dict[str, Any]:
    """A message in a channel of the guild."""
    return {
        "id": str(new_id()),
        "channel_id": str(channel_id),
        "guild_id": str(GUILD_ID),
        "author": author,
        "content": content,
        "timestamp": JOINED,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
        **extra,
    }


def sent(channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
    """The message Discord returns for a message the bot sent."""
    extra: dict[str, Any] = {}
    if reference := body.get("message_reference"):
        extra["message_reference"] = {
            **reference,
            "message_id": str(reference["message_id"]),
            "channel_id": str(channel_id),
        }
    return message(
        channel_id,
        BOT_USER,
        body.get("content") or "",
        embeds=body.get("embeds") or [],
        components=body.get("components") or [],
        flags=body.get("flags") or 0,
        **extra,
    )


def commands_synced(body: list[dict[str, Any]], guild_id: int | None) -> list[dict[str, Any]]:
    """The application commands Discord returns for a bulk overwrite."""
    extra = {"guild_id": str(guild_id)} if guild_id else {}
    return [
        {
            "id": str(new_id()),
            "application_id": str(APP_ID),
            "version": "1",
            "description": "",  # a context-menu command has none; Discord sends it empty
            **extra,
            **command,
        }
        for command in body
    ]
