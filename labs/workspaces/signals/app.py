#!/usr/bin/env python3
"""Lab 03: a worker that does its job in a loop. It has no SIGTERM handler (yet)."""
import sys
import time

print("worker: started", flush=True)
jobs = 0
while True:
    time.sleep(0.2)  # one "job"
    jobs += 1
