#!/bin/sh
set -e
for f in /docker-entrypoint.d/*.sh; do
  [ -x "$f" ] && "$f"
done
exec "$@"
