#!/usr/bin/env python3
"""Instructions per document spent extracting the benchmark corpus, counted by
valgrind's callgrind: repeatable whatever else the machine is doing, unlike the
wall-clock figures of bench_extract.py (which vary by ±10% on a shared machine).

    .venv/bin/python bench/extract_instructions.py [--corpus seed|devset]

Runs the extractor twice under callgrind, over the corpus once and six times,
and prints the difference per document (so start-up and imports cancel out),
with the hash seed fixed (PYTHONHASHSEED=0), so that the same code gives the same count.
Needs valgrind on PATH; takes about a minute.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROGRAM = """
import sys
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
import bench_extract as b
from pipeline.extract import extract
docs = b.devset_corpus() if {corpus!r} == "devset" else b.corpus()
for d in docs * {times}:
    extract(d)
print(len(docs))
"""


def _count(corpus: str, times: int) -> tuple[int, int]:
    code = _PROGRAM.format(root=str(ROOT), bench=str(ROOT / "bench"), corpus=corpus, times=times)
    # a fixed hash seed: set and dict iteration orders (and so the work done) vary
    # with it, by up to ~2% of the count between runs of the same code
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code],
                         capture_output=True, text=True, check=True, env=env)
    refs = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if refs is None:
        raise SystemExit("callgrind printed no instruction count:\n" + run.stderr[-2000:])
    return int(refs.group(1).replace(",", "")), int(run.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("seed", "devset"), default="seed")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; nothing measured", file=sys.stderr)
        return 2
    once, n = _count(args.corpus, 1)
    six, _ = _count(args.corpus, 6)
    per_doc = (six - once) / (5 * n)
    print(f"corpus {args.corpus}: {per_doc / 1e6:.2f} M instructions per document ({n} distinct documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
