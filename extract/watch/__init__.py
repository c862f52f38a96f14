"""The watched inbox (``ankestat watch``): documents dropped in a folder become records.

``inbox`` (which files, when settled, atomic moves, the lock), ``store`` (SQLite, one
transaction per document), ``outputs`` (per-document files), ``pool`` (daemon-safe workers),
``sources`` (watchdog events) and ``watcher`` (the loop that wires them).
"""
