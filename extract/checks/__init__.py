"""The checks stage: identities and plausibility checks over one file's observations.

``registry``: every check, in order; ``sums``, ``rates``, ``values``: the check families;
``ocr_corrections``: values OCR misread, corrected where an identity decides;
``stage_findings``: findings built from what the earlier stages hand the pipeline.
"""
