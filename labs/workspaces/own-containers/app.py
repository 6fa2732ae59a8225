"""A worker that starts helper processes which start their own and leave them behind (orphans),
like many real apps do (a shell-out, a browser, a plugin host). It has no SIGTERM handler."""
import os
import time

rate = float(os.environ.get("ZOMBIE_RATE", "10"))
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "600"))
start = time.monotonic()
made = 0
while time.monotonic() - start < ttl:
    child = os.fork()
    if child == 0:
        if os.fork() == 0:
            time.sleep(0.05)
            os._exit(0)
        os._exit(0)
    os.waitpid(child, 0)
    made += 1
    if made % 10 == 0:
        print("app: made %d orphans" % made, flush=True)
    time.sleep(1.0 / rate)
