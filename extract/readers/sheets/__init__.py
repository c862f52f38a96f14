"""Spreadsheet readers: xlsx, xls, ods and delimited text, each sheet a grid of cells
(``cells``: what they share).
"""
