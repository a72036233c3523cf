"""Sorting algorithms traced step by step (the ``/sorting`` endpoint).

``algorithms`` contains the seven instrumented sorts and ``sorting`` the
concept (schema, compute, explain, registration). ``prose`` writes its
English and Chinese text and ``drawing`` its pictures.
"""
