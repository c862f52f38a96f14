"""The interpretation stage: a detected table read with the vocabulary and the rules.

In: ``TableCandidate``s and the ``Rulebook`` (``rulebook``: rules and reference data as data;
``vocabulary``, ``words``, ``periods``, ``reading``: what printed labels mean). Out:
``Observation``s with every dimension as a code, and findings naming what did not resolve
(``table.Interpreter``). OCR'd words and labels are repaired against the vocabulary first
(``ocr_lexicon``, ``ocr_labels``, ``ocr_periods``); ``classify`` names the document's type.
"""
