"""Shape of the deployment: docker-compose.yml as `docker-compose config` resolves it.

Needs the `docker-compose` binary (Debian: `apt-get install docker-compose`,
1.29.2) but no Docker engine: `config` only validates, interpolates and merges
the file. Each run uses an empty env file and a minimal process environment,
so a developer's .env or exported variables cannot change what is checked.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"

AIRFLOW_SERVICES = {
    "airflow-init",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
}
SERVICES = AIRFLOW_SERVICES | {"postgres", "redis", "mailpit"}
# Long-running Airflow components; airflow-init is a one-shot job that the
# others wait on with service_completed_successfully instead.
AIRFLOW_DAEMONS = AIRFLOW_SERVICES - {"airflow-init"}
DATA_VOLUME = ("tradewatch-data", "/data")

TRADEWATCH_ENV = {
    "TRADEWATCH_HOME": "/opt/tradewatch",
    "TRADEWATCH_DB": "/data/tradewatch.duckdb",
    "TRADEWATCH_FEEDS": "/opt/tradewatch/config/feeds.yaml",
    "TRADEWATCH_ALERTS": "/opt/tradewatch/config/alerts.yaml",
    "TRADEWATCH_SEEDS": "/opt/tradewatch/seeds",
    "TRADEWATCH_OUTBOX": "/data/outbox",
}


def compose_config(tmp_dir: Path, overrides: dict[str, str] | None = None) -> dict:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip(
            "docker-compose not installed: `apt-get install -y docker-compose` "
            "(Debian's 1.29.2; no Docker engine needed for `config`)"
        )
    env_file = tmp_dir / "compose.env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in (overrides or {}).items()))
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "LC_ALL") if k in os.environ}
    proc = subprocess.run(
        [binary, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"docker-compose config failed:\n{proc.stderr}"
    return yaml.safe_load(proc.stdout)


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    return compose_config(tmp_path_factory.mktemp("compose"))


@pytest.fixture(scope="module")
def services(config) -> dict:
    return config["services"]


def volume_mounts(service: dict) -> set[tuple[str, str]]:
    """(source, target) pairs, whichever syntax docker-compose printed."""
    mounts = set()
    for vol in service.get("volumes", []):
        if isinstance(vol, str):
            source, target = vol.split(":")[:2]
        else:
            source, target = vol["source"], vol["target"]
        mounts.add((source, target))
    return mounts


def published_ports(service: dict) -> set[tuple[int, int]]:
    """(published, target) pairs, whichever syntax docker-compose printed."""
    ports = set()
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ports.add((int(port["published"]), int(port["target"])))
        else:
            parts = str(port).split("/")[0].split(":")
            ports.add((int(parts[-2] if len(parts) > 1 else parts[-1]), int(parts[-1])))
    return ports


def command_words(service: dict) -> list[str]:
    command = service.get("command", [])
    return shlex.split(command) if isinstance(command, str) else list(command)


def test_the_eight_services(services):
    assert set(services) == SERVICES


def test_airflow_services_share_one_image_built_from_dockerfile(services):
    builds = {name: services[name]["build"] for name in AIRFLOW_SERVICES}
    images = {services[name]["image"] for name in AIRFLOW_SERVICES}
    assert builds == {name: {"context": str(ROOT), "dockerfile": "Dockerfile"} for name in AIRFLOW_SERVICES}
    assert len(images) == 1


def test_commands(services):
    assert {name: command_words(services[name]) for name in AIRFLOW_DAEMONS} == {
        "airflow-apiserver": ["api-server"],
        "airflow-scheduler": ["scheduler"],
        "airflow-dag-processor": ["dag-processor"],
        "airflow-triggerer": ["triggerer"],
        "airflow-worker": ["celery", "worker"],
    }


def test_celery_executor_on_postgres_and_redis(services):
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", name
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://"), name
        assert "@postgres:5432/" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"], name
        assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://"), name
        assert "@redis:6379/" in env["AIRFLOW__CELERY__BROKER_URL"], name
        assert env["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql://"), name
        assert "@postgres:5432/" in env["AIRFLOW__CELERY__RESULT_BACKEND"], name
        assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false", name
        assert env["AIRFLOW__CORE__DAGS_FOLDER"] == "/opt/tradewatch/dags", name


def test_airflow_services_share_the_common_environment(services):
    """Same settings everywhere (a JWT secret that differs between the
    api-server and a worker breaks every task); only the documented extras differ."""
    common = services["airflow-scheduler"]["environment"]
    extras = {
        "airflow-worker": {"DUMB_INIT_SETSID"},
        "airflow-init": {"AIRFLOW_ADMIN_USER", "AIRFLOW_ADMIN_PASSWORD"},
    }
    for name in AIRFLOW_SERVICES:
        env = dict(services[name]["environment"])
        for key in extras.get(name, ()):
            env.pop(key)
        assert env == common, name


def test_airflow3_execution_api_and_jwt(services):
    env = services["airflow-worker"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"]
    assert env["AIRFLOW__CORE__FERNET_KEY"]
    assert published_ports(services["airflow-apiserver"]) == {(8080, 8080)}


def test_tradewatch_and_smtp_settings(services):
    env = services["airflow-worker"]["environment"]
    assert {k: env[k] for k in TRADEWATCH_ENV} == TRADEWATCH_ENV
    assert env["AIRFLOW_CONN_SMTP_DEFAULT"].startswith("smtp://mailpit:1025")


def test_duckdb_volume_is_mounted_where_tasks_and_parsing_run(config, services):
    for name in ("airflow-scheduler", "airflow-worker", "airflow-dag-processor"):
        assert DATA_VOLUME in volume_mounts(services[name]), name
    assert "tradewatch-data" in config["volumes"]


def test_init_migrates_and_creates_the_store_pool(services):
    script = " ".join(command_words(services["airflow-init"]))
    assert "airflow db migrate" in script
    assert 'airflow pools set tradewatch_store 1 "DuckDB event store writers"' in script
    assert services["airflow-init"].get("restart", "no") == "no"


def test_startup_order(services):
    infra = {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert services["airflow-init"]["depends_on"] == infra
    for name in AIRFLOW_DAEMONS:
        depends = services[name]["depends_on"]
        assert {k: depends[k] for k in infra} == infra, name
        assert depends["airflow-init"] == {"condition": "service_completed_successfully"}, name
    assert services["airflow-worker"]["depends_on"]["airflow-apiserver"] == {"condition": "service_healthy"}


def test_healthchecks(services):
    for name in AIRFLOW_DAEMONS | {"postgres", "redis", "mailpit"}:
        healthcheck = services[name].get("healthcheck")
        assert healthcheck and healthcheck["test"], f"{name} has no healthcheck"
        assert not healthcheck.get("disable"), name


def test_mailpit_exposes_ui_and_smtp(services):
    assert published_ports(services["mailpit"]) == {(8025, 8025), (1025, 1025)}


def test_no_host_networking(services):
    assert {name: svc.get("network_mode") for name, svc in services.items() if svc.get("network_mode")} == {}


def test_secrets_come_from_the_environment(tmp_path):
    overrides = {
        "POSTGRES_PASSWORD": "pg-secret",
        "REDIS_PASSWORD": "redis-secret",
        "AIRFLOW_FERNET_KEY": "fernet-from-env",
        "AIRFLOW_JWT_SECRET": "jwt-from-env",
        "AIRFLOW_ADMIN_PASSWORD": "admin-from-env",
    }
    services = compose_config(tmp_path, overrides)["services"]
    env = services["airflow-worker"]["environment"]
    assert ":pg-secret@postgres:5432/" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert ":pg-secret@postgres:5432/" in env["AIRFLOW__CELERY__RESULT_BACKEND"]
    assert env["AIRFLOW__CELERY__BROKER_URL"] == "redis://:redis-secret@redis:6379/0"
    assert env["AIRFLOW__CORE__FERNET_KEY"] == "fernet-from-env"
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"] == "jwt-from-env"
    assert services["airflow-init"]["environment"]["AIRFLOW_ADMIN_PASSWORD"] == "admin-from-env"
    assert services["postgres"]["environment"]["POSTGRES_PASSWORD"] == "pg-secret"
    assert services["redis"]["environment"]["REDISCLI_AUTH"] == "redis-secret"


def test_dockerfile_installs_the_package_with_constraints():
    text = (ROOT / "Dockerfile").read_text()
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert lines[0] == "FROM apache/airflow:3.3.2-python3.11"
    assert "RUN pip install --no-cache-dir -c constraints.txt /opt/tradewatch" in lines
    # The install runs as the airflow user, not root.
    users = [line for line in lines[: lines.index("RUN pip install --no-cache-dir -c constraints.txt /opt/tradewatch")] if line.startswith("USER ")]
    assert users[-1] == "USER airflow"
    copied = {line.split()[-2].rstrip("/") for line in lines if line.startswith("COPY ") and line.endswith("/")}
    assert copied >= {"pipeline", "dags", "config", "seeds", "schemas", "expectations"}
    assert "COPY --chown=airflow:0 pyproject.toml constraints.txt ./" in lines
    assert "AIRFLOW__CORE__DAGS_FOLDER=/opt/tradewatch/dags" in text
