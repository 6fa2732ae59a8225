#!/bin/bash
# Forwards SIGTERM: wait is interrupted by the trapped signal, the trap passes it on.
trap 'kill -TERM $child' TERM
python3 /work/app.py &
child=$!
wait "$child"
