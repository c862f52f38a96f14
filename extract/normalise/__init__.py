"""Normalisation: what printed text means, as the record contract writes it.

``numbers``: a cell's text -> value (Danish number formats); ``labels``: the matching form of a
label, cooperations; ``reference``: municipalities, cooperations, law areas and measures
(``reference_files`` reads them from ``rules/reference``); ``identities``: the identities
between measures; ``records``: observations -> published records.
"""
