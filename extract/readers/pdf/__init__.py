"""PDF reading: the text layer through PDFium or pdfplumber, scanned pages through OCR.

``reader``: a PDF -> ``Document``; ``pdfium_layer``, ``pdfplumber_layer``: the two backends;
``parts``: what both share; ``scanner_text``: a scanner's own text layer, judged;
``ocr_pages``: the pages read with OCR.
"""
