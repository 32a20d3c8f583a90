"""The review stage: a queue of result records, a web page to check them against the report
text, corrections that recompute the decision, and an append-only audit trail.

``store`` (the database), ``priority`` (queue order), ``corrections`` (a correction applied and
the decision recomputed), ``server`` (the page), ``labelstudio`` and ``export`` (in and out),
``cli`` (``pathspan review …``). See ``docs/review.md``.
"""
