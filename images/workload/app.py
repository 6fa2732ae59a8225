#!/usr/bin/env python3
"""The scorecard's app: makes zombies like fork.py, and can probe signals and exit codes.

Environment:
  ZOMBIE_RATE      rounds per second: fork a child that forks a grandchild and exits (default 0)
  ZOMBIE_KIND      orphan (default): the grandchild is orphaned to PID 1; child: the app forks a
                   child that exits and never waits for it, so the zombie's parent is alive
  APP_REAP=1       reap every child with a SIGCHLD handler calling waitpid(-1, WNOHANG)
  APP_HELPER=1     start a helper child in the app's process group; it reports the signals it gets
  APP_EXIT_AFTER   exit after this many seconds ...
  APP_EXIT_CODE    ... with this code (default 3)
  ZOMBIE_LAB_TTL   exit by itself after this many seconds (default 600)
The app has no SIGTERM handler on purpose: as PID 1 the kernel then drops SIGTERM.
"""
import os
import signal
import sys
import time

rate = float(os.environ.get("ZOMBIE_RATE", "0"))
reap = os.environ.get("APP_REAP") == "1"
helper = os.environ.get("APP_HELPER") == "1"
exit_after = float(os.environ.get("APP_EXIT_AFTER", "0"))
exit_code = int(os.environ.get("APP_EXIT_CODE", "3"))
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "600"))
kind = os.environ.get("ZOMBIE_KIND", "orphan")


def log(msg):
    sys.stdout.write(msg + "\n")
    sys.stdout.flush()


def reap_all(signum, frame):
    try:
        while True:
            pid, _ = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
    except ChildProcessError:
        pass


def on_usr1(signum, frame):
    log("app: got SIGUSR1")


# The probe signal: the app notes it and lives on, so only forwarding decides who else sees it.
signal.signal(signal.SIGUSR1, on_usr1)

if helper:
    pid = os.fork()
    if pid == 0:
        def helper_got(signum, frame):
            log("helper: got SIGUSR1")
        signal.signal(signal.SIGUSR1, helper_got)
        log("helper: ready")
        while True:
            signal.pause()

if reap:
    signal.signal(signal.SIGCHLD, reap_all)

log("app: pid %d, %.1f rounds/s, reap=%s" % (os.getpid(), rate, reap))
start = time.monotonic()
interval = 1.0 / rate if rate > 0 else 0.1
next_round = start
while time.monotonic() - start < ttl:
    if exit_after > 0 and time.monotonic() - start >= exit_after:
        log("app: exiting with %d" % exit_code)
        sys.exit(exit_code)
    if rate > 0:
        try:
            child = os.fork()
        except OSError as e:
            log("app: fork failed (%s)" % e.strerror)
        else:
            if child == 0:
                if kind != "child":
                    try:
                        if os.fork() == 0:
                            time.sleep(0.05)
                            os._exit(0)
                    except OSError:
                        pass
                os._exit(0)
            if kind != "child":  # with "child", a live parent never waits: no init can reap these
                try:
                    os.waitpid(child, 0)
                except ChildProcessError:
                    pass  # the SIGCHLD handler reaped it first
    next_round += interval
    delay = next_round - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    else:
        next_round = time.monotonic()
