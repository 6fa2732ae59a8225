#!/bin/dash
# No exec: the shell stays PID 1 and runs the app as its child.
echo "dash-stays.sh: starting the app"
python3 /work/app.py
