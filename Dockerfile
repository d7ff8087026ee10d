# TradeWatch: the Airflow 3.3.2 image with the `pipeline` package, its DAGs,
# configs, seed documents, schemas and expectations baked in.
#   docker-compose build        (see docker-compose.yml)
FROM apache/airflow:3.3.2-python3.11

# pipeline/paths.py looks for schemas/ and expectations/ under TRADEWATCH_HOME,
# because the package itself is installed into site-packages.
ENV TRADEWATCH_HOME=/opt/tradewatch \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/tradewatch/dags

# Directories that named volumes are mounted on: Docker seeds a new, empty
# named volume from the image, so these owners/modes become the volume's.
# Group 0 with group-write lets any AIRFLOW_UID (always run with GID 0) write.
USER root
RUN mkdir -p /opt/tradewatch /data/outbox /opt/airflow/auth /opt/airflow/logs \
 && chown -R airflow:0 /opt/tradewatch /data /opt/airflow/auth /opt/airflow/logs \
 && chmod -R g+rwX /data /opt/airflow/auth /opt/airflow/logs

USER airflow
WORKDIR /opt/tradewatch
COPY --chown=airflow:0 pyproject.toml constraints.txt ./
COPY --chown=airflow:0 pipeline/ pipeline/
COPY --chown=airflow:0 dags/ dags/
COPY --chown=airflow:0 config/ config/
COPY --chown=airflow:0 seeds/ seeds/
COPY --chown=airflow:0 schemas/ schemas/
COPY --chown=airflow:0 expectations/ expectations/

# A regular (non-editable) install; the constraints keep apache-airflow and its
# providers at the versions the base image ships.
RUN pip install --no-cache-dir -c constraints.txt /opt/tradewatch

WORKDIR /opt/airflow
