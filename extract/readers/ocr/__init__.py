"""OCR of page images with Tesseract.

``pages``: one page image -> a page of words (straighten, find rulings, read, look twice);
``tesseract``: one Tesseract call; ``image``: image operations before reading; ``image_rulings``:
the table rules in a page image, found and painted out; the other modules each repair one kind
of misreading. ``image_files``: the reader for PNG, JPEG and TIFF files.
"""
