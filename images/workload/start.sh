#!/bin/bash
# An entrypoint script as many images have one: bash stays PID 1 and runs the app as a child.
echo "start.sh: starting the app"
python3 /work/app.py
