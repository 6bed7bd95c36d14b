#!/bin/sh
# The image's entrypoint: apply the migrations, then become the command (`hangar serve` by
# default), so that it is process 1 and receives the container's signals.
#
# Migrating on every start is safe: with nothing to apply, `hangar migrate` only reads. When
# several instances start at once, run the migrations once before them (compose.yaml has a
# `migrate` service for that) so that they do not race to apply the same one.
set -eu

if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    # The workers' shared metric files must start empty on every start.
    rm -rf "$PROMETHEUS_MULTIPROC_DIR"
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi

hangar migrate --noinput

if [ "$#" -eq 0 ]; then
    set -- hangar serve
fi
exec "$@"
