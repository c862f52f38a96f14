"""The watched inbox (``ankestat watch``): documents dropped in a folder become records.

``options`` (every option also an environment variable; ``WatchSettings``), ``inbox`` (which
files, when settled, atomic moves, the lock), ``store`` (SQLite, one transaction per
document), ``outputs`` (per-document files), ``filing`` (a document done: files, store, move,
report), ``rereads`` (stored documents read again), ``pool`` (daemon-safe workers),
``sources`` (watchdog events, stop signals) and ``watcher`` (the loop that wires them).
"""
