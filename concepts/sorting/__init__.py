"""Sorting algorithms traced step by step (the ``/sorting`` endpoint).

``algorithms`` holds the seven instrumented sorts, ``sorting`` the
concept (schema, compute, explain, registration), ``prose`` its words in
English and Chinese and ``drawing`` its pictures.
"""
