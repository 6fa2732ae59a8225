/**
 * A lock shared by every lab process on this machine that the kernel releases when its holder
 * dies, however it dies (SIGKILL included): nothing is left for a later start to clean up.
 *
 * Linux: a listening Unix socket in the abstract namespace. Binding a taken name fails with
 * EADDRINUSE; the name is free again once the holder closes the socket or its process ends. It
 * names no file, so all users share it; its scope is the network namespace (a lab process in a
 * container with a network of its own has a lock of its own).
 * macOS and the BSDs: an open(2) with O_EXLOCK on a file in the temporary folder (an flock that
 * dies with the descriptor). Elsewhere there is no such lock: the lock then covers this process only.
 */
import { closeSync, constants, openSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HostLock {
  release(): void;
}

export interface AcquireOptions {
  signal?: AbortSignal;
  /** How long to wait for a holder to let go. */
  waitMs?: number;
}

/** Why a lock was not had in time: who holds it (the PID it answers with, where known). */
export class HostLockBusy extends Error {
  constructor(
    readonly lock: string,
    readonly holderPid: number | null,
    readonly waitedMs: number,
  ) {
    super(`host lock ${lock} held by ${holderPid ?? 'another process'} for ${waitedMs} ms`);
    this.name = 'HostLockBusy';
  }
}

/** One try: the lock, or null while another process holds it. */
type TryLock = (name: string) => Promise<HostLock | null>;

/** The abstract socket answers a connection with its holder's PID, so a waiter can name it. */
function tryAbstractSocket(name: string): Promise<HostLock | null> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer((sock) => {
      sock.on('error', () => undefined);
      sock.end(`${process.pid}\n`);
    });
    server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve(null) : reject(err)));
    // exclusive: never share the handle with a cluster primary.
    server.listen({ path: `\0zombie-lab/${name}`, exclusive: true }, () => {
      server.unref();
      resolve({ release: () => server.close() });
    });
  });
}

function holderOfAbstractSocket(name: string): Promise<number | null> {
  return new Promise((resolve) => {
    let text = '';
    const sock = createConnection({ path: `\0zombie-lab/${name}` });
    const done = () => {
      sock.destroy();
      const pid = Number(text.trim());
      resolve(Number.isInteger(pid) && pid > 0 ? pid : null);
    };
    sock.setTimeout(500, done);
    sock.on('data', (d) => (text += String(d)));
    sock.on('end', done);
    sock.on('error', done);
  });
}

// Not in Node's constants: the value from <fcntl.h> of macOS and the BSDs.
const O_EXLOCK = 0x20;

async function tryExlockFile(name: string): Promise<HostLock | null> {
  const file = path.join(tmpdir(), `zombie-lab-${name.replace(/[^a-z0-9-]/gi, '-')}.lock`);
  try {
    const fd = openSync(file, constants.O_RDWR | constants.O_CREAT | constants.O_NONBLOCK | O_EXLOCK, 0o666);
    return { release: () => closeSync(fd) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return null;
    throw err;
  }
}

const tryLockHere: TryLock | null =
  process.platform === 'linux' ? tryAbstractSocket : ['darwin', 'freebsd', 'openbsd', 'netbsd'].includes(process.platform) ? tryExlockFile : null;

/** Within this process the waiters queue here, so they do not poll against each other. */
const queues = new Map<string, Promise<void>>();

/** Resolves when `p` settles or rejects when `signal` aborts, whichever comes first. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the machine-wide lock `name`, waiting up to `waitMs` (default 30 s) for its holder;
 * throws HostLockBusy after that, or the signal's reason when aborted. `release` is idempotent.
 */
export async function acquireHostLock(name: string, opts: AcquireOptions = {}): Promise<HostLock> {
  const limit = opts.waitMs ?? 30_000;
  const t0 = performance.now();
  const busy = () => new HostLockBusy(name, null, Math.round(performance.now() - t0));
  const before = queues.get(name) ?? Promise.resolve();
  let leaveQueue!: () => void;
  const mine = new Promise<void>((resolve) => (leaveQueue = resolve));
  const tail = before.then(() => mine);
  queues.set(name, tail);
  const unqueue = () => {
    leaveQueue();
    if (queues.get(name) === tail) queues.delete(name);
  };
  // AbortSignal.timeout's timer is unref'd: a lock had early keeps no process alive.
  const deadline = AbortSignal.timeout(limit);
  const stop = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  const reasonOf = async (err: unknown): Promise<unknown> => {
    if (opts.signal?.aborted) return opts.signal.reason;
    if (!deadline.aborted) return err;
    return process.platform === 'linux' ? new HostLockBusy(name, await holderOfAbstractSocket(name), Math.round(performance.now() - t0)) : busy();
  };
  try {
    await untilAborted(before, stop);
    let lock: HostLock | null = null;
    for (let attempt = 0; !lock; attempt++) {
      stop.throwIfAborted();
      lock = tryLockHere ? await tryLockHere(name) : { release: () => undefined };
      // Short and jittered: a holder keeps it for one engine call, and waiters should not step in lockstep.
      if (!lock) await untilAborted(pause(Math.min(5 + attempt * 5, 50) + Math.random() * 10), stop);
    }
    let released = false;
    const held = lock;
    return {
      release: () => {
        if (released) return;
        released = true;
        held.release();
        unqueue();
      },
    };
  } catch (err) {
    unqueue();
    throw await reasonOf(err);
  }
}
