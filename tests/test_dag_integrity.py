"""The DAG files import cleanly, fast, and touch no store, network or connection while parsing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter so that modules imported by other tests do not hide
# what parsing the DAG folder imports by itself.
PARSE_PROBE = r"""
import json, socket, sys, time
calls = []
def refuse(self, *args, **kwargs):
    calls.append(repr(args))
    raise OSError("network use at DAG parse time")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse

from airflow.sdk import BaseHook
def no_connections(*args, **kwargs):
    calls.append("connection " + repr(args))
    raise RuntimeError("connection use at DAG parse time")
BaseHook.get_connection = classmethod(no_connections)

from airflow.dag_processing.dagbag import DagBag
before = set(sys.modules)
started = time.perf_counter()
bag = DagBag(dag_folder=sys.argv[1])
elapsed = time.perf_counter() - started
heavy = sorted(m for m in set(sys.modules) - before
               if m.split(".")[0] in ("duckdb", "great_expectations", "feedparser", "pandas", "pyarrow")
               or m in ("pipeline.cycle", "pipeline.store.duckdb_store", "pipeline.validate"))
print(json.dumps({"dags": sorted(bag.dag_ids), "errors": {k: str(v) for k, v in bag.import_errors.items()},
                  "heavy": heavy, "calls": calls, "seconds": elapsed,
                  "monitor": None if "trade_talks_monitor" not in bag.dags else {
                      "schedule": str(bag.dags["trade_talks_monitor"].schedule),
                      "max_active_runs": bag.dags["trade_talks_monitor"].max_active_runs,
                      "pools": sorted({t.task_id + ":" + t.pool for t in bag.dags["trade_talks_monitor"].tasks}),
                  }}))
"""


def parse_dags() -> dict:
    out = subprocess.run([sys.executable, "-c", PARSE_PROBE, str(ROOT / "dags")], env=dict(os.environ),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_dag_folder_parses_without_errors_heavy_imports_or_connections():
    result = parse_dags()
    assert result["errors"] == {}
    assert result["dags"] == ["trade_talks_digest", "trade_talks_monitor"]
    assert result["heavy"] == []
    assert result["calls"] == []


def test_monitor_schedule_concurrency_and_pool():
    monitor = parse_dags()["monitor"]
    assert monitor == {
        "schedule": "*/15 * * * *",
        "max_active_runs": 1,
        "pools": ["begin_cycle:tradewatch_store", "deliver_alerts:tradewatch_store",
                  "ingest:tradewatch_store", "process:tradewatch_store"],
    }
