"""Layout variant generator: documents drawn at random along many layout axes, with truth.

``python -m samples.variants --seed N --count K --out DIR`` writes K documents (PDF, xlsx,
csv) built from the real numbers of the sample sources, each with ``<stem>.truth.jsonl``
(one line per printed value cell) and ``<stem>.layout.json``. See samples/README.md.
"""
