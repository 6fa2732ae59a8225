#!/bin/sh
# Prepare, then start the app.
echo "entrypoint: starting the app"
exec python3 /app/app.py
