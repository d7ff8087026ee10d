"""
### trade_talks_digest

Every morning (07:00 UTC), one email per digest recipient of `TRADEWATCH_ALERTS`
(`delivery: digest`): the developments first seen in the 24 hours before the
run, and the tariff deadlines falling in the next 14 days.

1. `compose_digests` derives both lists from the event store and appends one
   outbox row per recipient and day (re-running the day adds nothing).
2. `deliver_digests` sends pending outbox messages through `smtp_default`
   (or `.eml` files), like the monitor's sender, recording every attempt.

Both tasks write the store, so they run in the one-slot pool `tradewatch_store`.
"""
from __future__ import annotations

import pendulum
from airflow.sdk import dag, get_current_context, task

STORE_POOL = "tradewatch_store"


def _digest_time():
    """The instant the digest covers up to: the run's logical date (its scheduled time)."""
    context = get_current_context()
    return context.get("logical_date") or pendulum.now("UTC")


@dag(
    dag_id="trade_talks_digest",
    schedule="0 7 * * *",
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": pendulum.duration(minutes=5)},
    tags=["tradewatch"],
    doc_md=__doc__,
)
def trade_talks_digest():
    @task(pool=STORE_POOL)
    def compose_digests() -> dict:
        from pipeline.cycle import CycleReport, Settings, digest
        from pipeline.store.duckdb_store import EventStore

        when = _digest_time()
        cycle_id = f"airflow__trade_talks_digest__{when.isoformat()}"
        report = CycleReport(cycle_id)
        settings = Settings.from_environment()
        with EventStore(settings.db) as store:
            digest(store, settings, cycle_id, report, when)
        return report.as_dict()

    @task(pool=STORE_POOL)
    def deliver_digests(_composed: dict) -> dict:
        from pipeline.alerts.deliver import smtp_from_airflow
        from pipeline.cycle import CycleReport, Settings, deliver
        from pipeline.store.duckdb_store import EventStore

        report = CycleReport(_composed["cycle_id"])
        with EventStore(Settings.from_environment().db) as store:
            deliver(store, Settings.from_environment(), smtp_from_airflow(), report)
        return report.as_dict()

    deliver_digests(compose_digests())


trade_talks_digest()
