#!/bin/bash
set -euo pipefail
if [ -n "${MIGRATE:-}" ]; then
  ./migrate
fi
exec gunicorn app:app \
  --bind 0.0.0.0:80
