"""Running the pipeline over many files: the batch runner (``batch``), each document in a process
of its own (``isolation``), and the ``ankestat tables`` view (``tables_view``).
"""
