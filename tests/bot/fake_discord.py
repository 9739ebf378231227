"""A fake Discord on 127.0.0.1: a websocket gateway and the REST routes StoryBot uses.

It records every REST call and gateway message so tests can assert what the real client did.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import discord_payloads as payloads
import yarl
from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer

JSON = "application/json"  # exactly: discord.py parses nothing else (no "; charset=utf-8")


@dataclass
class Call:
    """One REST request the bot made."""

    method: str
    path: str
    body: Any
    authorization: str | None = None
    at: float = field(default_factory=time.perf_counter)

    @property
    def message(self) -> dict[str, Any]:
        """The message this call sends: an interaction callback's data, or the body itself."""
        if self.path.endswith("/callback"):
            return dict(self.body.get("data") or {})
        return dict(self.body)

    @property
    def text(self) -> str:
        """Everything a person would read in the message: content and embed text."""
        message = self.message
        parts = [message.get("content") or ""]
        for embed in message.get("embeds") or []:
            footer = (embed.get("footer") or {}).get("text", "")
            parts += [embed.get("title") or "", embed.get("description") or "", footer]
        return "\n".join(part for part in parts if part)

    @property
    def ephemeral(self) -> bool:
        """Whether only the person who asked sees the message."""
        return bool(self.message.get("flags", 0) & 64)


@dataclass
class Fault:
    """A REST failure Discord may answer with: a rate limit (429) or a server error (5xx)."""

    method: str
    path_start: str
    status: int
    retry_after: float = 0

    def response(self) -> web.Response:
        """Discord's response: a 429 carries Retry-After (and Cloudflare's Via, which discord.py
        takes to mean the limit is Discord's own), a 5xx a plain message."""
        if self.status != 429:
            return answer({"message": f"{self.status}: Server Error", "code": 0}, self.status)
        body = {"message": "You are being rate limited.", "retry_after": self.retry_after}
        response = answer({**body, "global": False}, status=429)
        response.headers.update({"Retry-After": str(self.retry_after), "Via": "1.1 google"})
        return response


def answer(data: Any, status: int = 200) -> web.Response:
    """A JSON response with the bare content type discord.py expects."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": JSON}
    )


async def body_of(request: web.Request) -> Any:
    """A request's JSON, whether sent plain or as the `payload_json` of a multipart form."""
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        return json.loads(str(form["payload_json"]))
    text = await request.text()
    return json.loads(text) if text else None


class FakeDiscord:
    """Discord's gateway and REST API, as far as StoryBot goes.

    `GET /gateway/bot` recommends `shard_count` shards; each connection that identifies as shard
    i of n is sent the guilds Discord would give it, `(guild_id >> 22) % n == i`, and their events.
    """

    def __init__(
        self,
        token: str,
        heartbeat_interval: float = 0.1,
        shard_count: int = 1,
        guilds: tuple[int, ...] = (payloads.GUILD_ID,),
    ) -> None:
        self.token = token
        self.heartbeat_interval = heartbeat_interval
        self.shard_count = shard_count
        self.guilds = guilds
        self.allowed_intents = ~(1 << 15)  # Message Content is off, as in a new application
        self.calls: list[Call] = []
        self.received: list[dict[str, Any]] = []  # gateway payloads from the bot
        self.heartbeats: list[float] = []  # when each heartbeat arrived (and was acked)
        self.connections: list[str] = []  # gateway paths connected to, in order
        self.dispatched: dict[str, float] = {}  # interaction token -> when it was sent
        self.faults: list[Fault] = []  # REST failures to answer with, each once, first match
        self.refused: list[Call] = []  # REST calls answered with one of those failures
        self._transport: Any = None  # the latest connection's, to cut it without a word
        self.routed: dict[str, int] = {}  # interaction token -> the shard it was sent to
        self._ws: web.WebSocketResponse | None = None  # the latest connection
        self._shards: dict[int, web.WebSocketResponse] = {}  # shard id -> its connection
        self._sequence: dict[int, int] = {}
        self.messages: dict[int, dict[str, dict[str, Any]]] = {}  # channel -> id -> message
        self.threads: dict[int, dict[str, Any]] = {}  # thread id -> thread (all in GUILD_ID)
        self.unreadable: set[int] = set()  # channels the bot may not read (403)
        self.interactions: dict[str, dict[str, Any]] = {}  # token -> the interaction sent
        self.answers: dict[str, dict[str, Any]] = {}  # id -> message sent for an interaction
        self._server = TestServer(self._app(), host="127.0.0.1")

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/resume", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        return app

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        await self._server.start_server()

    async def stop(self) -> None:
        """Close the gateway and stop listening."""
        for ws in {*self._shards.values(), *([self._ws] if self._ws else [])}:
            await ws.close()
        await self._server.close()

    @property
    def rest_base(self) -> str:
        """What `discord.http.Route.BASE` should be."""
        return str(self._server.make_url("/api/v10"))

    @property
    def gateway_url(self) -> yarl.URL:
        """What `DiscordWebSocket.DEFAULT_GATEWAY` should be."""
        return self._server.make_url("/gateway").with_scheme("ws")

    # The gateway.

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        self._transport = request.transport
        self.connections.append(request.path)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval * 1000}})
        async for msg in ws:
            if msg.type is WSMsgType.TEXT:
                await self._on_payload(ws, json.loads(msg.data))
        return ws

    async def _on_payload(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        self.received.append(payload)
        if payload["op"] == 1:
            self.heartbeats.append(time.perf_counter())
            await ws.send_json({"op": 11})
        elif payload["op"] == 2 and payload["d"]["intents"] & ~self.allowed_intents:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
        elif payload["op"] == 2:
            await self._identified(ws, *payload["d"].get("shard", [0, 1]))
        elif payload["op"] == 6:
            shard = int(payload["d"]["session_id"].removeprefix("session-")) - 1
            self._shards[shard] = ws
            await self.dispatch("RESUMED", {}, shard=shard)

    async def _identified(self, ws: web.WebSocketResponse, shard: int, count: int) -> None:
        """READY and a GUILD_CREATE for each guild of this shard, as Discord routes them."""
        self._shards[shard] = ws
        self._sequence[shard] = 0
        mine = [g for g in self.guilds if (g >> 22) % count == shard]
        resume_url = str(self._server.make_url("/resume").with_scheme("ws"))
        ready = payloads.ready(f"session-{shard + 1}", resume_url, mine, [shard, count])
        await self.dispatch("READY", ready, shard=shard)
        for guild_id in mine:
            threads = list(self.threads.values()) if guild_id == payloads.GUILD_ID else None
            await self.dispatch("GUILD_CREATE", payloads.guild(guild_id, threads), shard=shard)

    def shard_of(self, guild_id: int) -> int:
        """The shard Discord sends a guild's events to."""
        return (guild_id >> 22) % self.shard_count

    async def dispatch(self, event: str, data: dict[str, Any], shard: int | None = None) -> None:
        """Send the bot a gateway event, on the shard its guild belongs to."""
        if shard is None:
            guild = data.get("guild_id")
            shard = self.shard_of(int(guild)) if guild else min(self._shards, default=0)
        ws = self._shards.get(shard)
        assert ws is not None, f"no bot is connected as shard {shard}"
        self._sequence[shard] = self._sequence.get(shard, 0) + 1
        await ws.send_json({"op": 0, "t": event, "s": self._sequence[shard], "d": data})

    async def drop(self) -> None:
        """Close the bot's gateway connection the way Discord does when a node restarts."""
        assert self._ws is not None
        await self._ws.close(code=4000, message=b"node restarting")

    async def sever(self) -> None:
        """Cut the bot's gateway connection without a closing handshake, as a network fault does."""
        assert self._transport is not None
        self._transport.abort()

    def fail_next(self, method: str, path_start: str, status: int, retry_after: float = 0) -> None:
        """Answer the next matching REST call with `status` (429 with Retry-After, or a 5xx)."""
        self.faults.append(Fault(method, path_start, status, retry_after))

    def sent_ops(self, op: int) -> list[dict[str, Any]]:
        """The gateway payloads the bot sent with this opcode."""
        return [payload for payload in self.received if payload["op"] == op]

    # Interactions and messages, as a person using Discord would cause them.

    async def slash(
        self,
        name: str,
        user_id: int,
        guild_id: int = payloads.GUILD_ID,
        **options: str | bool | int,
    ) -> str:
        """Run a slash command as this user in a guild; returns the interaction's token."""
        return await self.interact(payloads.slash(name, user_id, guild_id, **options))

    async def interact(self, interaction: dict[str, Any]) -> str:
        """Send the bot an interaction; returns its token."""
        token = str(interaction["token"])
        self.interactions[token] = interaction
        self.dispatched[token] = time.perf_counter()
        self.routed[token] = self.shard_of(int(interaction["guild_id"]))
        await self.dispatch("INTERACTION_CREATE", interaction)
        return token

    async def press(self, user_id: int, message_id: str, custom_id: str) -> str:
        """Press a button of a message the bot sent, as it is now, as this user; the token."""
        message = self.find(message_id)
        assert custom_id in payloads.button_ids(message), f"no button {custom_id} on the message"
        return await self.interact(payloads.component(user_id, message, custom_id))

    async def autocomplete(
        self,
        user_id: int,
        typed: str,
        command: str = "ask",
        guild_id: int = payloads.GUILD_ID,
    ) -> str:
        """Type into /ask's question option as this user, in this server; returns the
        interaction's token."""
        payload = payloads.autocomplete(command, user_id, "question", typed, guild_id)
        return await self.interact(payload)

    async def context_menu(self, user_id: int, name: str, target: dict[str, Any]) -> str:
        """Run a message command from a message's Apps menu as this user; returns the token."""
        return await self.interact(payloads.message_command(name, user_id, target))

    def find(self, message_id: str) -> dict[str, Any]:
        """A message by id: one sent for an interaction, or one kept in a channel."""
        if message_id in self.answers:
            return self.answers[message_id]
        [found] = [
            m for kept in self.messages.values() for m in kept.values() if m["id"] == message_id
        ]
        return found

    def answers_to(self, token: str) -> list[dict[str, Any]]:
        """The messages the bot sent for one interaction (its response and follow-ups)."""
        interaction_id = self.interactions[token]["id"]
        return [
            m
            for m in self.answers.values()
            if (m.get("interaction_metadata") or {}).get("id") == interaction_id
        ]

    async def say(
        self,
        user_id: int,
        content: str,
        *,
        mentions_bot: bool = False,
        channel_id: int = payloads.CHANNEL_ID,
        reply_to: str | None = None,
    ) -> str:
        """Post a message as this user, in the guild's channel unless told, as a reply to the
        message `reply_to` when given (Discord then includes it); returns its id."""
        data = self.message_from(user_id, content, channel_id, mentions_bot, reply_to)
        self.store(data)
        await self.dispatch("MESSAGE_CREATE", data)
        return str(data["id"])

    def message_from(
        self, user_id: int, content: str, channel_id: int, mentions_bot: bool, reply_to: str | None
    ) -> dict[str, Any]:
        """A person's message as MESSAGE_CREATE brings it."""
        mentions = [payloads.BOT_USER] if mentions_bot else []
        data = payloads.message(channel_id, payloads.user(user_id), content, mentions=mentions)
        data["member"] = {
            key: value for key, value in payloads.member(user_id).items() if key != "user"
        }
        if reply_to is not None:
            data["type"] = 19
            data["message_reference"] = {
                "type": 0,
                "message_id": reply_to,
                "channel_id": str(channel_id),
                "guild_id": str(payloads.GUILD_ID),
            }
            data["referenced_message"] = self.messages.get(channel_id, {}).get(reply_to)
        return data

    def store(self, data: dict[str, Any]) -> None:
        """Keep a message so that it can be fetched and listed."""
        self.messages.setdefault(int(data["channel_id"]), {})[str(data["id"])] = data

    def delete(self, channel_id: int, message_id: str) -> None:
        """Delete a message, as its author would."""
        self.messages.get(channel_id, {}).pop(message_id, None)

    def sent_in(self, channel_id: int) -> list[Call]:
        """Messages the bot sent in a channel or thread."""
        path = f"/channels/{channel_id}/messages"
        return [call for call in self.calls if call.method == "POST" and call.path == path]

    async def post_in_forum(
        self, user_id: int, title: str, content: str, *, mentions_bot: bool = False
    ) -> int:
        """Open a post in the guild's forum as this user, as Discord does: the thread, then its
        first message (whose id is the thread's); returns the thread's id."""
        thread_id = payloads.new_id()
        created = payloads.thread(thread_id, payloads.FORUM_ID, title, owner_id=user_id)
        self.threads[thread_id] = created
        await self.dispatch("THREAD_CREATE", {**created, "newly_created": True})
        data = self.message_from(user_id, content, thread_id, mentions_bot, None)
        data["id"] = str(thread_id)
        self.store(data)
        await self.dispatch("MESSAGE_CREATE", data)
        return thread_id

    def add_thread(self, parent_id: int, name: str, owner_id: int = payloads.BOT_ID) -> int:
        """A thread that exists before the bot connects (it comes with GUILD_CREATE)."""
        thread_id = payloads.new_id()
        self.threads[thread_id] = payloads.thread(thread_id, parent_id, name, owner_id)
        return thread_id

    def replies_to(self, token: str) -> list[Call]:
        """The callback and follow-ups the bot sent for one interaction."""
        return [call for call in self.calls if f"/{token}" in call.path]

    def replies_to_message(self, message_id: str) -> list[Call]:
        """Messages the bot sent in reply to a message."""
        return [
            call
            for call in self.calls
            if call.method == "POST"
            and isinstance(call.body, dict)
            and str((call.body.get("message_reference") or {}).get("message_id")) == message_id
        ]

    async def wait_for(self, condition: Callable[[], object], timeout: float = 10.0) -> None:
        """Wait until the condition holds, failing the test after `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        while not condition():
            assert time.perf_counter() < deadline, "timed out waiting for the bot"
            await asyncio.sleep(0.01)

    # The REST API.

    async def _rest(self, request: web.Request) -> web.Response:
        body = await body_of(request)
        path = "/" + request.match_info["path"]
        authorization = request.headers.get("Authorization")
        for fault in self.faults:
            if fault.method == request.method and path.startswith(fault.path_start):
                self.faults.remove(fault)
                self.refused.append(Call(request.method, path, body, authorization))
                return fault.response()
        self.calls.append(Call(request.method, path, body, authorization))
        if authorization not in (None, f"Bot {self.token}"):
            return answer({"message": "401: Unauthorized", "code": 0}, status=401)
        return self._route(request.method, path.split("/")[1:], body, dict(request.query))

    def _route(
        self, method: str, parts: list[str], body: Any, query: dict[str, str]
    ) -> web.Response:
        match method, parts:
            case "GET", ["gateway", "bot"]:
                return answer(self._gateway_bot())
            case "GET", ["users", "@me"]:
                return answer(payloads.BOT_USER)
            case "GET", ["oauth2", "applications", "@me"]:
                return answer(payloads.application())
            case "PUT", ["applications", _, "commands"]:
                return answer(payloads.commands_synced(body, None))
            case "PUT", ["applications", _, "guilds", guild, "commands"]:
                return answer(payloads.commands_synced(body, int(guild)))
            case "POST", ["interactions", interaction, token, "callback"]:
                return answer(self._callback(interaction, token, body))
            case "POST", ["webhooks", _, token]:
                return answer(self._answer(token, body))
            case "PATCH", ["webhooks", _, token, "messages", _]:
                return answer(self._edit(token, body))
            case "POST", ["channels", channel, "messages"]:
                data = payloads.sent(int(channel), body)
                self.store(data)
                return answer(data)
            case "GET", ["channels", channel, "messages", message_id]:
                return self._read(int(channel), message_id)
            case "GET", ["channels", channel, "messages"]:
                return self._history(int(channel), query)
            case "POST", ["channels", channel, "messages", message_id, "threads"]:
                return answer(self._open_thread(int(channel), int(message_id), body))
        return answer({"message": "Unknown route", "code": 0}, status=404)

    def _gateway_bot(self) -> dict[str, Any]:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        url = str(self.gateway_url)
        return {"url": url, "shards": self.shard_count, "session_start_limit": limit}

    def _read(self, channel: int, message_id: str) -> web.Response:
        if channel in self.unreadable:
            return answer({"message": "Missing Access", "code": 50001}, status=403)
        found = self.messages.get(channel, {}).get(message_id)
        if found is None:
            return answer({"message": "Unknown Message", "code": 10008}, status=404)
        return answer(found)

    def _history(self, channel: int, query: dict[str, str]) -> web.Response:
        if channel in self.unreadable:
            return answer({"message": "Missing Access", "code": 50001}, status=403)
        before = int(query.get("before", 1 << 63))
        older = [m for m in self.messages.get(channel, {}).values() if int(m["id"]) < before]
        older.sort(key=lambda m: -int(m["id"]))
        return answer(older[: int(query.get("limit", 50))])

    def _open_thread(self, channel: int, message_id: int, body: dict[str, Any]) -> dict[str, Any]:
        created = payloads.thread(message_id, channel, body["name"])
        self.threads[message_id] = created
        asyncio.get_running_loop().create_task(self.dispatch("THREAD_CREATE", created))
        return created

    def _answer(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        """A message sent for an interaction, kept with who ran it (ephemeral ones too)."""
        interaction = self.interactions.get(token)
        data = payloads.sent(payloads.CHANNEL_ID, body)
        if interaction is not None:
            data["interaction_metadata"] = payloads.interaction_metadata(interaction)
            self.answers[str(data["id"])] = data
        return data

    def _edit(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        """Edit the message a pressed button is on (after a deferred update), or the response."""
        pressed = (self.interactions.get(token) or {}).get("message")
        if pressed is None:
            return payloads.sent(payloads.CHANNEL_ID, body)
        return self._update(pressed["id"], body)

    def _update(self, message_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """Change a message the bot sent: the fields sent replace the old ones."""
        message = self.find(message_id)
        message.update({k: v for k, v in data.items() if k in ("content", "embeds", "components")})
        return message

    def _callback(self, interaction_id: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
        """The interaction's response: 4 a message, 5 a deferred one, 6 a deferred update, 7 an
        update of the pressed message, 8 autocomplete choices."""
        data = body.get("data") or {}
        sent = self.interactions.get(token, {})
        resource: dict[str, Any] = {"type": body["type"]}
        if body["type"] == 4:
            resource["message"] = self._answer(token, data)
        elif body["type"] == 7:
            resource["message"] = self._update(sent["message"]["id"], data)
        return {
            "interaction": {
                "id": interaction_id,
                "type": sent.get("type", 2),
                "response_message_loading": body["type"] == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & 64),
            },
            "resource": resource,
        }
