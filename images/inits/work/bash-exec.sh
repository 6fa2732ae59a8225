#!/bin/bash
# exec: the app replaces the shell as PID 1.
echo "bash-exec.sh: starting the app"
exec python3 /work/app.py
