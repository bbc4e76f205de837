"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The new content goes to a temporary file beside the target, is fsynced, and is renamed over
it. The temporary file gets the mode a plain ``open()`` would give (the target's own mode
when it exists, else 0666 less the umask), not mkstemp's 0600, so shared reports and claim
files stay readable to whoever could read them before. A failure removes the temporary file;
a run killed before it could do so leaves one, named so that the next write in that folder
recognises it (our prefix and the dead writer's process id) and removes it.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

_TAG = "claimcheck"
_LEFTOVER = re.compile(rf"\A\..+\.{_TAG}-(\d+)-[0-9a-f]{{8}}\.tmp\Z")


def default_mode() -> int:
    """The permission bits ``open(path, "w")`` gives a new file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def temp_beside(path: Path) -> Iterator[Path]:
    """A fresh temporary path in ``path``'s folder; removed on exit unless renamed away.

    Stale temporary files of killed claimcheck runs in that folder are removed first.
    """
    path = Path(path)
    folder = path.parent
    remove_leftovers(folder)
    tmp = folder / f".{path.name}.{_TAG}-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = default_mode()
    with temp_beside(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if hasattr(os, "fchmod"):  # O_CREAT's mode is masked by the umask; the target's is not
                os.fchmod(fh.fileno(), mode)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> int:
    """Remove temporary files that killed claimcheck runs left in ``folder``; return how many.

    Only files named by :func:`temp_beside` whose writer process is gone are touched, so a
    run writing in the same folder at the same time keeps its own.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m is None or _alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True
