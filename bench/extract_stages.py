#!/usr/bin/env python3
"""What each stage of the extractor costs: throughput with stages made free.

    .venv/bin/python bench/extract_stages.py [--corpus seed|devset] [--n 1500]

Answers "how fast would extraction be if stage X took no time?", the ceiling of
any rewrite of X (in C, Rust, a smarter algorithm) that leaves the rest in
Python. Each level replaces more stages by a lookup of answers computed on a
first pass over the same corpus, then times ``extract`` as bench_extract.py does:

    0  nothing replaced (the real extractor)
    1  + sentence splitting, the word index and the candidate-type gate
    2  + date parsing and actor lookup (so: every lexical primitive)
    3  + the per-sentence rules (``sentence_mentions``): what remains is
         the document-level work (merging, folding, building events)

Level 2 is the ceiling of a native core that keeps the rules in Python; level 3
shows what the rules themselves cost. The replaced answers are the real ones
(mentions are copied, since extract() annotates them), but timing a lookup is
not timing extraction: these figures bound a design, they do not measure one.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LEVELS = {
    0: "nothing replaced",
    1: "+ sentence splitting, word index, candidate gate",
    2: "+ dates and actors (every lexical primitive)",
    3: "+ per-sentence rules (sentence_mentions)",
}


def _memoise(modules, name: str, key, copy=None) -> None:
    """Replace ``name`` in every module of ``modules`` by a lookup of its first answers."""
    original = getattr(modules[0], name)
    answers: dict = {}

    def lookup(*args, **kwargs):
        k = key(*args, **kwargs)
        got = answers.get(k)
        if got is None:
            got = answers[k] = original(*args, **kwargs)
        return got if copy is None else copy(got)

    for module in modules:
        setattr(module, name, lookup)


def _run_level(level: int, corpus: str, n: int) -> float:
    """Docs/s at ``level``, in this process (each level runs in a fresh one)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_extract
    import pipeline.extract as X
    from pipeline.extract import actors, dates, negation, resources, rules

    docs = bench_extract.corpus() if corpus == "seed" else bench_extract.devset_corpus()
    if level >= 1:
        _memoise([X], "split_sentences", lambda text: text)
        _memoise([resources, rules, dates, actors, negation], "text_index", lambda text: text)
        _memoise([rules], "candidate_types", lambda sentence: sentence)
    if level >= 2:
        # the corpus's documents each have one publication day, so (sentence, day) is the key
        _memoise([dates], "find_dates", lambda sentence, pub, anchor=None: (sentence, pub))
        _memoise([X, rules], "find_actors", lambda sentence: sentence)
    if level >= 3:
        _memoise([X], "sentence_mentions",
                 lambda sentence, si, pub, anchor, bilateral, *rest, **kw: (sentence, si, pub, bilateral),
                 copy=lambda mentions: [m.copy() for m in mentions])
    for d in docs * 20:  # the first pass fills the lookups; then warm up
        X.extract(d)
    clock = time.perf_counter
    start = clock()
    for i in range(n):
        X.extract(docs[i % len(docs)])
    return n / (clock() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("seed", "devset"), default="seed")
    ap.add_argument("--n", type=int, default=1500, help="documents timed per level")
    ap.add_argument("--level", type=int, choices=sorted(LEVELS), help=argparse.SUPPRESS)  # one level, in-process
    a = ap.parse_args(argv)
    if a.level is not None:
        print(f"{_run_level(a.level, a.corpus, a.n):.0f}")
        return 0
    print(f"corpus {a.corpus}, {a.n} documents per level, one process per level")
    for level, what in LEVELS.items():
        # a fresh interpreter per level: a replaced function stays replaced
        out = subprocess.run([sys.executable, __file__, "--corpus", a.corpus, "--n", str(a.n), "--level", str(level)],
                             capture_output=True, text=True, check=True).stdout.strip()
        print(f"  level {level}  {out:>6} docs/s  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
