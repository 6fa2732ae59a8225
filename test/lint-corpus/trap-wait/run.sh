#!/bin/bash
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
python3 /app.py &
child=$!
wait "$child"
