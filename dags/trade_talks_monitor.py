"""
### trade_talks_monitor

One TradeWatch monitoring cycle every 15 minutes: the seed documents and new
feed items come in, trade-talk events are extracted and validated with Great
Expectations, appended to the DuckDB event store, resolved to developments,
and desk editors are emailed about new developments.

Tasks, each of which reads what it needs from the store and appends what it
found (so a failed task is redone by the next run, and nothing big travels
through XCom):

1. `begin_cycle` records the cycle (its id is the DAG run id) and the extractor version.
2. `ingest` reads `TRADEWATCH_SEEDS`, fetches the feeds of `TRADEWATCH_FEEDS`
   (a failing feed is recorded in `feed_fetches`, not fatal) and appends new documents.
3. `process` extracts events from documents not yet read, validates them
   (failures go to `quarantine`), resolves developments and writes the alert
   outbox, all in one transaction.
4. `deliver_alerts` sends pending alerts through the Airflow connection
   `smtp_default`, or writes `.eml` files to `TRADEWATCH_OUTBOX` when it is not
   defined; each attempt is appended to `alert_deliveries`.

Every store-writing task runs in the one-slot pool `tradewatch_store`: DuckDB
allows a single writer. Re-running a DAG run adds nothing and sends nothing.
Nothing heavy happens at parse time: DuckDB, feedparser and Great
Expectations are imported inside the tasks.
"""
from __future__ import annotations

import pendulum
from airflow.sdk import Asset, dag, get_current_context, task

STORE_POOL = "tradewatch_store"
EVENT_STORE = Asset("tradewatch_event_store", uri="file:///tradewatch/event-store")


def _cycle_id() -> str:
    """The cycle a DAG run stands for: its logical date (so re-running it is the same
    cycle and appends nothing), or the run id for a manual run without one."""
    context = get_current_context()
    logical_date = context.get("logical_date")
    if logical_date is not None:
        return f"airflow__{context['dag'].dag_id}__{logical_date.isoformat()}"
    return f"airflow__{context['run_id']}"


@dag(
    dag_id="trade_talks_monitor",
    schedule="*/15 * * * *",
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": pendulum.duration(minutes=1)},
    tags=["tradewatch"],
    doc_md=__doc__,
)
def trade_talks_monitor():
    @task(pool=STORE_POOL)
    def begin_cycle() -> dict:
        from pipeline.cycle import Settings, begin
        from pipeline.store.duckdb_store import EventStore

        cycle_id = _cycle_id()
        with EventStore(Settings.from_environment().db) as store:
            version = begin(store, cycle_id, "airflow")
        return {"cycle_id": cycle_id, "extractor_version": version}

    @task(pool=STORE_POOL)
    def ingest(cycle: dict) -> dict:
        from pipeline.cycle import CycleReport, Settings, ingest as run_ingest
        from pipeline.store.duckdb_store import EventStore

        report = CycleReport(cycle["cycle_id"])
        with EventStore(Settings.from_environment().db) as store:
            run_ingest(store, Settings.from_environment(), cycle["cycle_id"], report)
        return report.as_dict()

    @task(pool=STORE_POOL, outlets=[EVENT_STORE])
    def process(cycle: dict, _ingested: dict) -> dict:
        from pipeline.cycle import CycleReport, Settings, process as run_process
        from pipeline.store.duckdb_store import EventStore

        report = CycleReport(cycle["cycle_id"])
        with EventStore(Settings.from_environment().db) as store:
            run_process(store, Settings.from_environment(), cycle["cycle_id"],
                        cycle["extractor_version"], report)
        return report.as_dict()

    @task(pool=STORE_POOL)
    def deliver_alerts(cycle: dict, _processed: dict) -> dict:
        from pipeline.alerts.deliver import smtp_from_airflow
        from pipeline.cycle import CycleReport, Settings, deliver
        from pipeline.store.duckdb_store import EventStore

        report = CycleReport(cycle["cycle_id"])
        with EventStore(Settings.from_environment().db) as store:
            deliver(store, Settings.from_environment(), smtp_from_airflow(), report)
        return report.as_dict()

    cycle = begin_cycle()
    ingested = ingest(cycle)
    processed = process(cycle, ingested)
    deliver_alerts(cycle, processed)


trade_talks_monitor()
