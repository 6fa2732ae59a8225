#!/bin/dash
# exec: the app replaces the shell as PID 1.
echo "dash-exec.sh: starting the app"
exec python3 /work/app.py
