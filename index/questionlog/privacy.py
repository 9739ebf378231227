"""Who asked, kept as a salted hash: the salt is made once and kept beside the database."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

from index.passages import StoryError

SALT_FILE = "questions.salt"
SALT_BYTES = 32


class SaltMismatch(StoryError):
    """The database was written by a process with another salt, so hashes would not match."""


def load_salt(path: Path) -> bytes:
    """The salt in `path`, made (readable by its owner only) the first time it is needed."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".salt-", dir=path.parent)
        with os.fdopen(handle, "w") as out:
            out.write(secrets.token_hex(SALT_BYTES) + "\n")
        try:
            os.link(temporary, path)  # fails if another process made one meanwhile: use theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return bytes.fromhex(path.read_text().strip())


def hash_user(salt: bytes, user: int | str) -> str:
    """The asker as the log keeps them: HMAC-SHA256 of their id under the salt, in hex."""
    return hmac.new(salt, str(user).encode(), hashlib.sha256).hexdigest()


def salt_check(salt: bytes) -> str:
    """A short fingerprint of the salt, kept in the database to catch a process with another."""
    return hashlib.sha256(b"storybot-salt-check:" + salt).hexdigest()[:16]


def mismatch(path: Path) -> SaltMismatch:
    """The error for a salt that does not match the database's."""
    return SaltMismatch(
        f"The question log was written with another salt than {path}: copy the salt file from "
        "the machine that first wrote it (the hashed askers would not match otherwise)."
    )
