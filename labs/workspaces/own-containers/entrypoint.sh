#!/bin/sh
# Prepare, then start the app.
echo "entrypoint: starting the app"
python3 /app/app.py
