#!/usr/bin/env python3
"""Lab 06: makes orphans like fork.py. It is PID 1, so the orphans come back to it:
make it reap them."""
import os
import signal
import time

signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps our children, adopted ones too

rate = float(os.environ.get("ZOMBIE_RATE", "10"))
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "0"))
start = time.monotonic()
made = 0
last_report = start

while ttl <= 0 or time.monotonic() - start < ttl:
    child = os.fork()
    if child == 0:
        if os.fork() == 0:
            time.sleep(0.05)
            os._exit(0)  # the grandchild: orphaned, adopted by PID 1 (this app)
        os._exit(0)
    try:
        os.waitpid(child, 0)
    except ChildProcessError:
        pass  # a handler may have reaped it already
    made += 1
    if time.monotonic() - last_report >= 1:
        print("made %d orphans" % made, flush=True)
        last_report = time.monotonic()
    time.sleep(1.0 / rate)
