#!/usr/bin/env python3
"""Makes zombies on purpose, the way real programs do by accident.

Each round the process forks a child; the child forks a grandchild and exits at once;
the process waits only for its direct child. The grandchild is now an orphan, adopted by
PID 1, and exits shortly after. If PID 1 never calls wait(), it stays a zombie.

Environment:
  ZOMBIE_RATE        rounds per second (default 10)
  ZOMBIE_LINGER      seconds the grandchild lives before exiting (default 0.2)
  ZOMBIE_LAB_TTL     exit by itself after this many seconds (default 0 = never); the lab
                     sets it so a container outlives a crashed lab by minutes, not forever
  ZOMBIE_LAB_WAIT    "stdin": start only when a line arrives on stdin, and exit quietly on
                     end of input or after the TTL. The lab starts containers ahead of time
                     this way, so pressing r plots at once and every lane shares one t0.
"""
import os
import select
import sys
import time

rate = float(os.environ.get("ZOMBIE_RATE", "10"))
linger = float(os.environ.get("ZOMBIE_LINGER", "0.2"))
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "0"))
interval = 1.0 / rate if rate > 0 else 1.0
start = time.monotonic()
made = 0
failed = 0


def log(msg):
    sys.stdout.write(msg + "\n")
    sys.stdout.flush()


if os.environ.get("ZOMBIE_LAB_WAIT") == "stdin":
    log("fork.py: pid %d, waiting for a line on stdin" % os.getpid())
    ready, _, _ = select.select([sys.stdin], [], [], ttl if ttl > 0 else None)
    if not ready or not sys.stdin.readline():
        log("fork.py: no start signal (end of input or time to live over), exiting")
        sys.exit(0)
    start = time.monotonic()

log("fork.py: pid %d, %.1f zombies/s" % (os.getpid(), rate))
next_round = time.monotonic()
while ttl <= 0 or time.monotonic() - start < ttl:
    try:
        child = os.fork()
    except OSError as e:  # EAGAIN once the PID limit is full
        failed += 1
        if failed == 1 or failed % 50 == 0:
            log("fork.py: fork failed (%s), %d failures so far" % (e.strerror, failed))
    else:
        if child == 0:
            try:
                gc = os.fork()
                if gc == 0:
                    time.sleep(linger)
                    os._exit(0)
            except OSError:
                pass
            os.waitpid(gc, 0) if gc > 0 else None
            os._exit(0)
        os.waitpid(child, 0)  # only the direct child: the grandchild is left to PID 1
        made += 1
    next_round += interval
    delay = next_round - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    else:
        next_round = time.monotonic()
log("fork.py: time to live over after %d rounds, %d failed forks" % (made, failed))
