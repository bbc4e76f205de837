"""Source passages' facts kept between runs: decoded where still valid, written back when new.

Extracting a passage costs about 1 ms, decoding its stored facts about 20x less. A passage's
extracted facts are a function of its text, its document (date, kind, offsets: all fixed by
the content hash) and what the entity registry answers, and the registry also learns each
run's claims and drafts. So every stored extraction carries its ``NameReads`` (the vocabulary
words and names it asked the registry, with the answers) and is used only while this run's
registry answers them alike (``EntityRegistry.reads_hold``); otherwise the passage is
extracted afresh, and that extraction is written back in its place. A run thus reads the
facts a fresh extraction would give, byte for byte, whatever was stored.
"""

from __future__ import annotations

import json
import logging
import zlib

from ..extract.entities import EntityRegistry, NameReads
from ..models import Facts
from ..store import pack, unpack

log = logging.getLogger("claimcheck")

Key = tuple[str, int]  # (source path, passage index)


class StoredFacts:
    """The stored facts of one run's sources, and the extractions to write back."""

    def __init__(
        self,
        rows: dict[Key, tuple[bytes, bytes]],
        hashes: dict[str, str],
        policy: str,
        registry: EntityRegistry,
    ):
        self.rows = rows  # as read from the store, undecoded
        self.hashes = hashes  # source path -> content hash (only stored sources are written back)
        self.policy = policy
        self.registry = registry
        self.fresh: dict[Key, tuple[bytes, bytes]] = {}  # extracted in this run, packed, to write back
        self.used = 0  # stored extractions read
        self._hold: dict[Key, bool] = {}  # key -> whether its stored reads hold in this run

    def holds(self, key: Key) -> bool:
        """Whether ``key`` has stored facts this run's registry reads alike (decoded on ``get``)."""
        hit = self._hold.get(key)
        if hit is None:
            row = self.rows.get(key)
            try:
                hit = row is not None and self.registry.reads_hold(NameReads.from_json(json.loads(unpack(row[0]))))
            except (ValueError, KeyError, TypeError, IndexError, zlib.error) as exc:
                log.warning("corpus store: the reads of %s passage %d are unreadable (%s); extracting it", *key, exc)
                hit = False
            self._hold[key] = hit
        return hit

    def get(self, key: Key) -> Facts | None:
        """The stored facts of ``key`` if this run's registry reads what their extraction read."""
        if not self.holds(key):
            return None
        try:
            facts = Facts.model_validate_json(unpack(self.rows[key][1]))
        except (ValueError, KeyError, TypeError, IndexError, zlib.error) as exc:
            log.warning("corpus store: the facts of %s passage %d are unreadable (%s); extracting it", *key, exc)
            return None
        self.used += 1
        return facts

    def add(self, key: Key, facts: Facts, reads: NameReads) -> None:
        """An extraction of this run (of a stored source), to write back: packed now, as
        extracted (what the run does with them later cannot reach the store)."""
        if key[0] in self.hashes and key not in self.fresh:
            self.fresh[key] = (pack(json.dumps(reads.to_json())), pack(facts.model_dump_json()))

    def take(self, rows: dict[Key, tuple[bytes, bytes]]) -> None:
        """Rows another process of this run extracted (a Dask worker), to write back with ours."""
        for key, row in rows.items():
            if key[0] in self.hashes:
                self.fresh.setdefault(key, row)

    def pending(self) -> list[tuple[str, str, int, str, bytes, bytes]]:
        """The store rows of this run's extractions, in key order."""
        return [
            (path, self.hashes[path], i, self.policy, reads, body)
            for (path, i), (reads, body) in sorted(self.fresh.items())
        ]
