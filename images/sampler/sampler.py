# The lab's sampler for engines whose /proc is not ours (Docker Desktop, a remote DOCKER_HOST).
# It runs in a sidecar container that shares the demo container's PID namespace
# (PidMode container:<id>) but has its own cgroup, so it still runs when the demo's PID limit
# is full. Rules it keeps:
#   - it never forks: a sampler that forks and is killed leaks its children into the demo as zombies;
#   - one JSON line per sample on stdout;
#   - it ends by itself when its stdin closes (the lab detached or died) or after ZOMBIE_LAB_TTL s,
#     and the kernel ends it anyway when the demo's PID 1 exits.
# The base image has python3-minimal only (no json module): the JSON is written by hand.
import os
import select
import sys
import time

interval = float(os.environ.get("SAMPLER_INTERVAL", "0.1"))
budget = float(os.environ.get("SAMPLER_BUDGET", "0.25"))
tree_limit = int(os.environ.get("SAMPLER_TREE", "0"))
# SAMPLER_INSPECT=1 (zombie-lab inspect): each line also carries PID 1's command line, its
# Sig* masks from /proc/1/status, and the kernel's pid_max. Still file reads only, no forks.
inspect = os.environ.get("SAMPLER_INSPECT") == "1"
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "900"))
# Readings with PID 1's signal masks and pid_max, for the checks that measure once (scorecard,
# labs): the lab takes the first that reaches it (the attach may miss the very first) and closes stdin.
once = os.environ.get("SAMPLER_ONCE") == "1"
me = os.getpid()
start = time.monotonic()
out = sys.stdout


last_pid = 0


def scan():
    global last_pid
    zombies = live = threads = 0
    pid1 = None
    tree = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        last_pid = max(last_pid, int(name))
        try:
            with open("/proc/" + name + "/stat", "rb") as f:
                line = f.read()
        except OSError:
            continue  # exited between listdir and open
        # The command name may hold spaces and ')': split at the last ')'.
        close = line.rfind(b")")
        rest = line[close + 2 :].split(b" ")
        state = rest[0].decode()
        if state == "Z":
            zombies += 1
        else:
            live += 1
            threads += int(rest[17])  # field 20, num_threads
        comm = None
        if name == "1" or len(tree) < tree_limit:
            comm = line[line.find(b"(") + 1 : close].decode("utf-8", "replace")
        if name == "1":
            pid1 = comm
        if len(tree) < tree_limit:
            tree.append([int(name), int(rest[1]), comm, state])
    return zombies, live, threads, pid1, tree


def pid1_masks():
    masks = {}
    try:
        with open("/proc/1/status", "rb") as f:
            for raw in f:
                key, _, value = raw.decode("latin1").partition(":")
                if key in ("SigBlk", "SigIgn", "SigCgt"):
                    masks[key] = value.strip()
    except OSError:
        pass
    return masks


def pid1_cmdline():
    try:
        with open("/proc/1/cmdline", "rb") as f:
            raw = f.read()
    except OSError:
        return []
    return [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]


def jstr(s):
    out = []
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def read_or_none(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def pid1_facts():
    parts = []
    cmd = read_or_none("/proc/1/cmdline") or b""
    words = [w.decode("utf-8", "replace") for w in cmd.split(b"\0") if w]
    parts.append('"pid1cmd":[' + ",".join(jstr(w) for w in words) + "]")
    status = (read_or_none("/proc/1/status") or b"").decode("latin1")
    masks = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("SigCgt", "SigIgn", "SigBlk"):
            masks[key] = value.strip()
    if len(masks) == 3:
        parts.append('"sig":[%s,%s,%s]' % (jstr(masks["SigCgt"]), jstr(masks["SigIgn"]), jstr(masks["SigBlk"])))
    pid_max = (read_or_none("/proc/sys/kernel/pid_max") or b"").strip()
    if pid_max.isdigit():
        parts.append('"pidMax":%d' % int(pid_max))
    return parts


def line_of(sample, tree):
    parts = ['"%s":%s' % (k, v) for k, v in sample.items()]
    if tree is not None:
        parts.append('"tree":[' + ",".join("[%d,%d,%s,%s]" % (p, pp, jstr(c), jstr(st)) for p, pp, c, st in tree) + "]")
    if inspect:
        parts.extend(pid1_facts())
    return "{" + ",".join(parts) + "}\n"


rate_interval = None
last = None
while ttl <= 0 or time.monotonic() - start < ttl:
    began = time.monotonic()
    zombies, live, threads, pid1, tree = scan()
    cost = time.monotonic() - began
    if last is not None:
        dt = began - last
        rate_interval = dt if rate_interval is None else rate_interval * 0.7 + dt * 0.3
    last = began
    sample = {"zombies": zombies, "live": live, "threads": threads, "pid1": "null" if pid1 is None else jstr(pid1), "costUs": int(cost * 1e6)}
    if rate_interval:
        sample["rateHz"] = "%.1f" % (1.0 / rate_interval)
    if once:
        for key, value in pid1_masks().items():
            sample[key] = jstr(value)
        sample["pid1cmd"] = "[" + ",".join(jstr(w) for w in pid1_cmdline()) + "]"
        try:
            with open("/proc/sys/kernel/pid_max") as f:
                sample["pidMax"] = int(f.read().strip())
        except (OSError, ValueError):
            pass
        # For the lab checks: the namespace's newest PID (its fork count) and what each live process runs.
        sample["lastPid"] = last_pid
        cmds = []
        for p, _, _, st in tree:
            if st != "Z":
                raw = read_or_none("/proc/%d/cmdline" % p) or b""
                words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
                cmds.append("[%d,[%s]]" % (p, ",".join(jstr(w) for w in words)))
        sample["cmds"] = "[" + ",".join(cmds) + "]"

    out.write(line_of(sample, tree if tree_limit else None))
    out.flush()
    # Within the CPU budget: a scan of 20,000 processes makes the next one wait.
    wait = began + max(interval, cost / budget) - time.monotonic()
    readable, _, _ = select.select([0], [], [], max(0.0, wait))
    if readable and not os.read(0, 4096):
        break  # stdin closed: the lab is gone
