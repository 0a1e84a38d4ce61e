"""kommunsk's benchmarks: speed as ratios against reference tools measured in the same run.

Run `python benchmarks/run.py` (see docs/benchmarks.md). The modules are small
on purpose: `textgen` makes the text, `synthetic` the large glossary,
`measure` times things, `cases` holds the four comparisons, `report` prints
them, and `run` is the entry point.
"""
