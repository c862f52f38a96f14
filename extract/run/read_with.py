"""What documents are read with: the engine version, a fingerprint of the rules and the reader
options. The watcher stores it with each document (to know when to read one again); ``extract
--resume`` keys each finished document's saved result by it.

In: the rule folders and the reader options. Out: a JSON-ready dict, and the rules' hash.
"""

from __future__ import annotations

import hashlib
from typing import Any

from extract import __version__
from extract.interpret.rulebook import RuleDirs
from extract.readers import ReadOptions


def read_with(rules: RuleDirs, options: ReadOptions) -> dict[str, Any]:
    """What documents are read with now: engine version, rules fingerprint, reader options."""
    return {
        "engine": __version__,
        "rules": rules_fingerprint(rules),
        "ocr": options.ocr,
        "pdf_backend": options.pdf_backend,
    }


def rules_fingerprint(rules: RuleDirs) -> str:
    """A short hash over every file of the rule folders (names and bytes): it changes when a
    rule or a vocabulary entry does."""
    digest = hashlib.sha256()
    for folder in rules:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
