#!/usr/bin/env python3
"""Lab 03: a worker that gives up early: the stop is fast because nothing is left to stop."""
import sys
import time

print("worker: started", flush=True)
time.sleep(0.5)
sys.exit(0)
