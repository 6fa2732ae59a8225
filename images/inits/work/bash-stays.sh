#!/bin/bash
# No exec: the shell stays PID 1 and runs the app as its child.
echo "bash-stays.sh: starting the app"
python3 /work/app.py
