"""Import a third-party module without letting its import-time code open a socket.

claimcheck promises no network at all. trafilatura imports courlan, which imports urllib3,
whose ``util.connection`` probes for IPv6 at import time by creating and binding a socket
(``HAS_IPV6 = _has_ipv6("::1")``). We never connect anywhere, so the probe's answer does not
matter: during the import, creating a socket fails, the probe catches that and records
"no IPv6", and no socket is ever made.
"""

from __future__ import annotations

import importlib
import socket
import sys
import threading
from types import ModuleType

_LOCK = threading.Lock()


class _NoSocket(socket.socket):
    """Stands in for ``socket.socket`` during an import: creating one is refused."""

    def __init__(self, *args, **kwargs):  # noqa: D401 - never calls the real constructor
        raise OSError("claimcheck opens no sockets")


def import_offline(name: str) -> ModuleType:
    """``importlib.import_module(name)`` with socket creation refused while it runs."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    with _LOCK:
        real = socket.socket
        socket.socket = _NoSocket  # type: ignore[misc]
        try:
            return importlib.import_module(name)
        finally:
            socket.socket = real  # type: ignore[misc]
