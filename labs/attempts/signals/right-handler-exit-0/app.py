#!/usr/bin/env python3
import signal
import sys
import time

def on_term(signum, frame):
    print("worker: SIGTERM, finishing", flush=True)
    sys.exit(0)

signal.signal(signal.SIGTERM, on_term)
print("worker: started", flush=True)
while True:
    time.sleep(0.2)
