"""Figures: one key (entity, municipality, period, law area, provision, measure) across every
document that gives it, its sources compared to their printed rounding.

``key`` names a figure, ``sources`` turns a record into what a figure keeps of it,
``reconcile`` decides agreement and conflicts, ``ranking`` (``rules/figures.yaml``) names the
preferred source, ``collect`` builds a run's figures in two passes over its records,
``output`` writes them (figures.jsonl/.csv, the run report's section) and ``store`` keeps the
watch store's ``figures`` table current.
"""
