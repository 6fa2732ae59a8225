#!/bin/sh
set -e
# prepare, then start the app
mkdir -p /data
python3 /app.py "$@"
