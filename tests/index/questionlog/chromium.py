"""Headless Chromium (Debian's `chromium`) driven over the DevTools protocol, for the HTML report.

Opens a page, collects what its console and the browser log call errors, measures an element,
and takes a screenshot; plus a small PNG reader, to look at the screenshot's pixels.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=900,1600",
    "--remote-debugging-port=0",
)


def chromium() -> str | None:
    """The Chromium binary, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Rendered:
    """What the browser made of a page."""

    errors: list[str] = field(default_factory=list)
    box: dict[str, float] = field(default_factory=dict)
    screenshot: bytes = b""
    chart: bytes = b""


class DevTools:
    """One page's DevTools connection: commands, and the events that arrive meanwhile."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its result, keeping the events that came first."""
        sent = next(self._ids)
        await self.socket.send_json({"id": sent, "method": method, "params": params})
        while True:
            message = json.loads((await self.socket.receive(timeout=30)).data)
            if message.get("id") == sent:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    async def wait_for(self, event: str) -> None:
        """Wait until an event arrives (or has already)."""
        while not any(e.get("method") == event for e in self.events):
            self.events.append(json.loads((await self.socket.receive(timeout=30)).data))


def render(page: Path, element: str) -> Rendered:
    """Open the page in headless Chromium; its errors, the element's box and screenshots."""
    binary = chromium()
    assert binary is not None
    # Chromium's helper processes can outlive the browser by a moment and still write to the
    # profile: the whole process group is stopped, and a file left behind fails no test.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            return asyncio.run(_drive(_port(Path(profile)), page, element))
        finally:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the browser and every process it started (they share its process group); a test's
    throwaway profile needs no orderly shutdown."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # killed, a helper writes nothing more
    process.wait(timeout=20)


def _port(profile: Path) -> int:
    deadline = time.monotonic() + 30
    active = profile / "DevToolsActivePort"
    while not (active.exists() and active.read_text().strip()):
        assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
        time.sleep(0.05)
    return int(active.read_text().split()[0])


async def _drive(port: int, page: Path, element: str) -> Rendered:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/json/list") as listed:
            [target] = [t for t in await listed.json() if t["type"] == "page"]
        async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as socket:
            tools = DevTools(socket)
            for domain in ("Page", "Runtime", "Log"):
                await tools.call(f"{domain}.enable")
            await tools.call("Page.navigate", url=page.resolve().as_uri())
            await tools.wait_for("Page.loadEventFired")
            return await _look(tools, element)


async def _look(tools: DevTools, element: str) -> Rendered:
    found = await tools.call(
        "Runtime.evaluate",
        expression=f"JSON.stringify(document.querySelector({json.dumps(element)})"
        "?.getBoundingClientRect() ?? null)",
        returnByValue=True,
    )
    box = json.loads(found["result"]["value"]) or {}
    shot = await tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    chart = b""
    if box:
        clip = {k: box[k] for k in ("x", "y", "width", "height")} | {"scale": 1}
        chart = _decoded(await tools.call("Page.captureScreenshot", format="png", clip=clip))
    return Rendered(_errors(tools.events), box, _decoded(shot), chart)


def _decoded(result: dict[str, Any]) -> bytes:
    import base64

    return base64.b64decode(result["data"])


def _errors(events: list[dict[str, Any]]) -> list[str]:
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(str(params["exceptionDetails"].get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(str(params["entry"].get("text")))
    return errors


def png_pixels(data: bytes) -> list[tuple[int, int, int]]:
    """The RGB pixels of an 8-bit RGB or RGBA PNG, row after row."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), "only 8-bit RGB(A) PNGs"
        elif kind == b"IDAT":
            compressed += body
    step = 3 if colour == 2 else 4
    rows = _unfiltered(zlib.decompress(compressed), width * step, height, step)
    return [tuple(row[x : x + 3]) for row in rows for x in range(0, len(row), step)]  # type: ignore[misc]


def _unfiltered(raw: bytes, stride: int, height: int, step: int) -> list[bytes]:
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            a = line[x - step] if x >= step else 0
            b, c = previous[x], previous[x - step] if x >= step else 0
            line[x] = (line[x] + _predict(kind, a, b, c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


def _predict(kind: int, a: int, b: int, c: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return a
    if kind == 2:
        return b
    if kind == 3:
        return (a + b) // 2
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c
