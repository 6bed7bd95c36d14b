# Hangar's image: `hangar serve` (gunicorn) on 0.0.0.0:8000, as an unprivileged user, with the
# migrations applied on start-up (docker/entrypoint.sh). SECRET_KEY must come from the
# environment: `hangar serve` refuses the built-in key off loopback.
#
#   docker build -t hangar .
#   docker run -e SECRET_KEY=... -e DATABASE_URL=postgres://... -p 8000:8000 hangar

# --- build: the virtual environment with the pinned dependencies --------------------------
FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/hangar
WORKDIR /app
COPY pyproject.toml README.md ./
COPY hangar ./hangar
# Editable, so that the package is the source in /app, beside the bundled data (data/) that
# `hangar load_bundled` reads from the project's directory.
RUN /opt/hangar/bin/pip install -e .

# --- runtime: the environment and the source, no compilers or caches ----------------------
FROM python:3.12-slim
RUN groupadd --system --gid 10001 hangar \
    && useradd --system --uid 10001 --gid hangar --home-dir /var/lib/hangar --create-home hangar
COPY --from=build /opt/hangar /opt/hangar
WORKDIR /app
COPY pyproject.toml README.md CHANGELOG.md manage.py ./
COPY hangar ./hangar
COPY data ./data
COPY docker/entrypoint.sh /usr/local/bin/hangar-entrypoint
ENV PATH=/opt/hangar/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HANGAR_VAR_DIR=/var/lib/hangar \
    STATIC_ROOT=/app/static \
    HANGAR_BIND=0.0.0.0:8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/hangar-metrics
# The static files (browsable API, docs page) are part of the image; whitenoise serves them.
RUN hangar collectstatic --noinput -v0 && chown -R hangar:hangar /var/lib/hangar
USER hangar
VOLUME ["/var/lib/hangar"]
EXPOSE 8000
# Liveness only: /health/ touches no database, so an outage does not get the container
# restarted; /health/ready/ is for the proxy or orchestrator that routes traffic.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; port = os.environ.get('HANGAR_BIND', '0.0.0.0:8000').rpartition(':')[2]; urllib.request.urlopen(f'http://127.0.0.1:{port}/health/', timeout=4)"]
ENTRYPOINT ["hangar-entrypoint"]
CMD ["hangar", "serve"]
