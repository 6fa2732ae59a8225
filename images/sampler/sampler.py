# The lab's sampler for engines whose /proc is not ours (Docker Desktop, a remote DOCKER_HOST).
# It runs in a sidecar container that shares the demo container's PID namespace
# (PidMode container:<id>) but has its own cgroup, so it still runs when the demo's PID limit
# is full. Two ways of counting, as on the lab's own host:
#   - cgroup: on cgroup v2, with the engine's cgroup namespace (CgroupnsMode host, the tree
#     mounted read-only), the demo's pids cgroup every tick: pids.current minus the threads it
#     lists, whatever the zombie count; /proc is scanned in slices between ticks, within a small
#     budget, as the cross-check (and for the process tree);
#   - proc: a scan of /proc every tick, within a quarter of a core (cgroup v1, no view of the
#     demo's cgroup, or the lab said "proc" on stdin after the cross-check disagreed).
# Rules it keeps:
#   - it never forks: a sampler that forks and is killed leaks its children into the demo as zombies;
#   - the first line says which way it counts ({"way":...}), then one JSON line per sample;
#   - it ends by itself when its stdin closes (the lab detached or died) or after ZOMBIE_LAB_TTL s,
#     and the kernel ends it anyway when the demo's PID 1 exits.
# The base image has python3-minimal only (no json module): the JSON is written by hand.
import os
import select
import sys
import time

interval = float(os.environ.get("SAMPLER_INTERVAL", "0.1"))
budget = float(os.environ.get("SAMPLER_BUDGET", "0.25"))
check_budget = float(os.environ.get("SAMPLER_CHECK_BUDGET", "0.005"))
check_every = float(os.environ.get("SAMPLER_CHECK_EVERY", "1.0"))
tree_limit = int(os.environ.get("SAMPLER_TREE", "0"))
# SAMPLER_INSPECT=1 (zombie-lab inspect): each line also carries PID 1's command line, its
# Sig* masks from /proc/1/status, and the kernel's pid_max. Still file reads only, no forks.
inspect = os.environ.get("SAMPLER_INSPECT") == "1"
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "900"))
target = os.environ.get("SAMPLER_TARGET", "")[:12]
want_cgroup = os.environ.get("SAMPLER_CGROUP", "auto") != "off"
# Readings with PID 1's signal masks and pid_max, for the checks that measure once (scorecard,
# labs): the lab takes the first reading and closes stdin. On the cgroup way the first reading
# waits for a whole /proc scan, so it also carries the tree.
once = os.environ.get("SAMPLER_ONCE") == "1"
CG = "/sys/fs/cgroup"
me = os.getpid()
start = time.monotonic()
out = sys.stdout


class Scan:
    """One pass over /proc, done in slices (step) so the cgroup ticks go on while it runs."""

    def __init__(self):
        self.names = [n for n in os.listdir("/proc") if n.isdigit() and int(n) != me]
        self.i = 0
        self.zombies = self.live = self.threads = 0
        self.pid1 = None
        self.tree = []
        self.cost = 0.0
        # The namespace's newest PID (its fork count, for the lab checks).
        self.last_pid = max([int(n) for n in self.names] or [0])

    def step(self, until):
        began = time.monotonic()
        names = self.names
        while self.i < len(names):
            name = names[self.i]
            self.i += 1
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
                self.zombies += 1
            else:
                self.live += 1
                self.threads += int(rest[17])  # field 20, num_threads
            comm = None
            if name == "1" or len(self.tree) < tree_limit:
                comm = line[line.find(b"(") + 1 : close].decode("utf-8", "replace")
            if name == "1":
                self.pid1 = comm
            if len(self.tree) < tree_limit:
                self.tree.append([int(name), int(rest[1]), comm, state])
            if (self.i & 63) == 0 and time.monotonic() >= until:
                break
        self.cost += time.monotonic() - began
        if self.i >= len(names):
            global last_scan
            last_scan = self
            return True
        return False


last_scan = None


def find_cgroup():
    """The demo's cgroup v2 directory as this container sees the tree: (dir, None) or (None, why)."""
    if not want_cgroup:
        return None, "asked to scan /proc"
    if not os.path.exists(CG + "/cgroup.controllers"):
        return None, "no cgroup v2 tree here (cgroup v1 engine)"
    try:
        with open("/proc/1/cgroup") as f:
            text = f.read()
    except OSError:
        return None, "cannot read the demo's /proc/1/cgroup"
    path = None
    for line in text.splitlines():
        if line.startswith("0::"):
            path = line[3:]
    if not path or path == "/" or ".." in path.split("/"):
        return None, "the demo's cgroup is outside this container's cgroup namespace"
    parts = path.split("/")
    # The container's own cgroup: its init may have moved into a sub-cgroup (systemd does).
    for i in range(len(parts) - 1, -1, -1):
        if target and target in parts[i]:
            parts = parts[: i + 1]
            break
    else:
        return None, "the demo's cgroup does not name the container"
    d = CG + "/".join(parts)
    if not os.path.exists(d + "/pids.current"):
        return None, "the demo's cgroup has no pids controller"
    # Read-only or not at all: a writable tree would let this container change other cgroups.
    if not os.statvfs(CG).f_flag & os.ST_RDONLY:
        return None, "the cgroup tree is writable in here, so it is not used"
    return d, None


def read_or_none(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def once_fields():
    """PID 1's command line, signal masks and the kernel's pid_max: on one-shot and inspect readings."""
    if not (once or inspect):
        return []
    fields = []
    cmd = read_or_none("/proc/1/cmdline") or b""
    words = [w.decode("utf-8", "replace") for w in cmd.split(b"\0") if w]
    fields.append(("pid1cmd", "[" + ",".join(jstr(w) for w in words) + "]"))
    masks = {}
    for line in (read_or_none("/proc/1/status") or b"").decode("latin1").splitlines():
        key, _, value = line.partition(":")
        if key in ("SigCgt", "SigIgn", "SigBlk"):
            masks[key] = value.strip()
    if once:
        fields.extend((k, jstr(v)) for k, v in sorted(masks.items()))
    if inspect and len(masks) == 3:
        fields.append(("sig", "[%s,%s,%s]" % (jstr(masks["SigCgt"]), jstr(masks["SigIgn"]), jstr(masks["SigBlk"]))))
    pid_max = (read_or_none("/proc/sys/kernel/pid_max") or b"").strip()
    if pid_max.isdigit():
        fields.append(("pidMax", int(pid_max)))
    # The namespace's own PID counter: the last PID its kernel handed out. Only a process inside
    # the namespace can read it; a count of forks that no process exiting early can hide. With
    # it the sampler's own PID, the first one its container's start took (runc's threads before
    # the exec take a varying number after it): PIDs handed out before this sampler = nsSelfPid - 1.
    ns_last = (read_or_none("/proc/sys/kernel/ns_last_pid") or b"").strip()
    if once and ns_last.isdigit():
        fields.append(("nsLastPid", int(ns_last)))
        fields.append(("nsSelfPid", me))
    if once and last_scan is not None:
        # For the lab checks: the namespace's newest PID and what each live process runs.
        fields.append(("lastPid", last_scan.last_pid))
        cmds = []
        for p, _, _, st in last_scan.tree:
            if st != "Z":
                raw = read_or_none("/proc/%d/cmdline" % p) or b""
                words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
                cmds.append("[%d,[%s]]" % (p, ",".join(jstr(w) for w in words)))
        fields.append(("cmds", "[" + ",".join(cmds) + "]"))
    return fields


def pread(fd):
    if fd is None:
        return None
    try:
        return os.pread(fd, 4096, 0)
    except OSError:
        return None  # ENODEV: the cgroup was removed under us


def open_or_none(path):
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None


def count_ids(fd):
    """Lines in a kept-open cgroup.threads or cgroup.procs. On cgroup v2 (the only tree this way
    reads) a read from offset 0 restarts the kernel's task iterator, so the list is current, at a
    quarter of an open/read/close's cost under emulation; v1 would serve a cached list instead."""
    if fd is None:
        return 0
    n = off = 0
    try:
        while True:
            b = os.pread(fd, 65536, off)
            if not b:
                break
            n += b.count(b"\n")
            off += len(b)
    except OSError:
        pass  # ENODEV: the cgroup was removed under us
    return n


def refused(text):
    """pids.events: "max N" counts forks refused because the limit was reached."""
    if text and text.startswith(b"max "):
        return int(text[4:].split(b"\n")[0])
    return 0


def number_or(text, other):
    try:
        return int(text)
    except (TypeError, ValueError):
        return other  # "max", or no such file (pids.peak on older kernels)


class CgroupReader:
    """The same reads as the lab's own fast path (src/engine/host-proc.ts, PidsCgroupReader)."""

    def __init__(self, d):
        self.d = d
        self.fd_current = open_or_none(d + "/pids.current")
        self.fd_max = open_or_none(d + "/pids.max")
        self.fd_peak = open_or_none(d + "/pids.peak")
        # Per cgroup (the container's first): [cgroup.threads, cgroup.procs, pids.events], kept open.
        self.lists = {d: self.open_lists(d)}
        self.subdirs_at = -1e9
        self.max = self.peak = -1

    @staticmethod
    def open_lists(d):
        return [open_or_none(d + "/cgroup.threads"), open_or_none(d + "/cgroup.procs"), open_or_none(d + "/pids.events")]

    def rescan(self):
        """The sub-cgroups as they are now: open the new ones' files, close the gone ones'."""
        now = {self.d}
        for root, dirs, _ in os.walk(self.d):
            now.update(root + "/" + x for x in dirs)
        for d in list(self.lists):
            if d not in now:
                for fd in self.lists.pop(d):
                    if fd is not None:
                        os.close(fd)
        for d in now:
            if d not in self.lists:
                self.lists[d] = self.open_lists(d)

    def read(self, now):
        cur = pread(self.fd_current)
        if cur is None:
            return None
        # The sub-cgroups, the limit and the peak change rarely: once a second.
        if now - self.subdirs_at >= 1.0:
            self.rescan()
            self.max = number_or(pread(self.fd_max), -1)
            self.peak = number_or(pread(self.fd_peak), -1)
            self.subdirs_at = now
        threads = procs = n_refused = 0
        for fd_threads, fd_procs, fd_events in self.lists.values():
            threads += count_ids(fd_threads)
            procs += count_ids(fd_procs)
            n_refused += refused(pread(fd_events))
        # pids.current again after the lists, and the smaller: a fork is charged before it is
        # listed, and a process just reaped was still in the first reading.
        after = pread(self.fd_current)
        current = int(cur)
        if after is not None and int(after) < current:
            current = int(after)
        return [current, threads, procs, self.max, n_refused, self.peak]


def jstr(s):
    parts = []
    for ch in s:
        if ch == '"' or ch == "\\":
            parts.append("\\" + ch)
        elif ord(ch) < 0x20:
            parts.append("\\u%04x" % ord(ch))
        else:
            parts.append(ch)
    return '"' + "".join(parts) + '"'


def jtree(tree):
    return "[" + ",".join("[%d,%d,%s,%s]" % (p, pp, jstr(c), jstr(st)) for p, pp, c, st in tree) + "]"


def emit(fields):
    out.write("{" + ",".join('"%s":%s' % kv for kv in fields) + "}\n")
    out.flush()


def read_stdin():
    """False once stdin closed (the lab is gone); "proc" on it switches to scanning /proc."""
    global cg_dir
    data = os.read(0, 4096)
    if not data:
        return False
    if b"proc" in data:
        cg_dir = None
    return True


def pid1_now():
    try:
        with open("/proc/1/stat", "rb") as f:
            line = f.read()
        return line[line.find(b"(") + 1 : line.rfind(b")")].decode("utf-8", "replace")
    except OSError:
        return None


# Start once the lab is attached (a line written before the attach would be lost).
readable, _, _ = select.select([0], [], [], 60)
if not readable or not os.read(0, 4096):
    sys.exit(0)
def machine():
    """pid_max and the tasks that exist on the engine's machine (/proc/loadavg counts them all)."""
    try:
        with open("/proc/sys/kernel/pid_max") as f:
            pid_max = int(f.read())
        with open("/proc/loadavg") as f:
            tasks = int(f.read().split()[3].split("/")[1])
        return [("pidMax", pid_max), ("tasks", tasks)]
    except (OSError, ValueError, IndexError):
        return []


cg_dir, why = find_cgroup()
emit([("way", '"cgroup"' if cg_dir else '"proc"'), ("why", jstr(why) if why else "null"), ("cgroup", jstr(cg_dir) if cg_dir else "null")] + machine())


class Rate:
    def __init__(self):
        self.every = None
        self.last = None

    def tick(self, at):
        if self.last is not None:
            dt = at - self.last
            self.every = dt if self.every is None else self.every * 0.7 + dt * 0.3
        self.last = at
        return ("rateHz", "%.1f" % (1.0 / self.every)) if self.every else None


def run_cgroup():
    """Returns False when the lab went away, True when it asked for /proc instead."""
    reader = CgroupReader(cg_dir)
    rate = Rate()
    pid1 = pid1_now()
    scan = None
    scan_before = 0
    scan_started = 0.0
    next_scan = 0.0
    done = None  # a finished scan not yet reported
    scan_rate = Rate()
    proc_budget = budget if tree_limit else check_budget
    proc_gap = interval if tree_limit else check_every
    if once:
        # The one reading must hold the tree and a /proc count too: scan before the first tick.
        fast0 = reader.read(time.monotonic())
        s0 = Scan()
        s0.step(float("inf"))
        pid1 = s0.pid1 if s0.pid1 is not None else pid1
        done = (s0, max(0, fast0[0] - fast0[1]) if fast0 else 0, time.monotonic())
        next_scan = time.monotonic() + max(proc_gap, s0.cost / proc_budget)
    next_tick = time.monotonic()
    while ttl <= 0 or time.monotonic() - start < ttl:
        if cg_dir is None:
            return True
        now = time.monotonic()
        if now >= next_tick:
            r = reader.read(now)
            cost = time.monotonic() - now
            if r is not None:
                fast = max(0, r[0] - r[1])
                fields = [("cg", "[%d,%d,%d,%d,%d,%d]" % tuple(r)), ("pid1", "null" if pid1 is None else jstr(pid1)), ("costUs", int(cost * 1e6))]
                rt = rate.tick(now)
                if rt:
                    fields.append(rt)
                if done is not None:
                    s, before, age = done
                    fields.append(("proc", "[%d,%d,%d,%d,%d,%d]" % (s.zombies, s.live, s.threads, int(s.cost * 1e6), before, int((now - age) * 1000))))
                    sr = scan_rate.every
                    if sr:
                        fields.append(("procRateHz", "%.2f" % (1.0 / sr)))
                    if tree_limit:
                        fields.append(("tree", jtree(s.tree)))
                    done = None
                emit(fields + once_fields())
                if scan is None and now >= next_scan:
                    scan = Scan()
                    scan_before = fast
                    scan_started = now
            next_tick += interval
            if next_tick < now:
                next_tick = now + interval
        if scan is not None:
            # A slice of the scan, ending well before the next tick is due.
            if scan.step(min(next_tick - 0.002, time.monotonic() + 0.02)):
                if scan.pid1 is not None:
                    pid1 = scan.pid1
                scan_rate.tick(scan_started)
                done = (scan, scan_before, time.monotonic())
                next_scan = scan_started + max(proc_gap, scan.cost / proc_budget)
                scan = None
            readable, _, _ = select.select([0], [], [], 0)
        else:
            readable, _, _ = select.select([0], [], [], max(0.0, next_tick - time.monotonic()))
        if readable and not read_stdin():
            return False
    return False


def run_proc():
    rate = Rate()
    while ttl <= 0 or time.monotonic() - start < ttl:
        began = time.monotonic()
        s = Scan()
        s.step(float("inf"))
        cost = time.monotonic() - began
        fields = [("zombies", s.zombies), ("live", s.live), ("threads", s.threads), ("pid1", "null" if s.pid1 is None else jstr(s.pid1)), ("costUs", int(cost * 1e6))]
        rt = rate.tick(began)
        if rt:
            fields.append(rt)
        if tree_limit:
            fields.append(("tree", jtree(s.tree)))
        emit(fields + once_fields())
        # Within the CPU budget: a scan of 20,000 processes makes the next one wait.
        wait = began + max(interval, cost / budget) - time.monotonic()
        readable, _, _ = select.select([0], [], [], max(0.0, wait))
        if readable and not read_stdin():
            break


if cg_dir and run_cgroup():
    emit([("way", '"proc"'), ("why", '"the lab asked for /proc after the cgroup count disagreed with it"'), ("cgroup", "null")])
    run_proc()
elif not cg_dir:
    run_proc()
