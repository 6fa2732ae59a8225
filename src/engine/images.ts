/**
 * Builds the lab's images: the base (Debian packages, one list, two ways) and the zombie
 * demo on top. Tags carry a content hash, so a second run with nothing changed does no work.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import { contentHash } from '../core/content-hash.js';
import { LABEL_BASE_WAY, LABEL_IMAGE } from '../core/labels.js';
import { uiText } from '../core/i18n.js';
import type { BuildNote, BuildWay, ImageName, RunEvent, WayWhy } from '../core/run-events.js';

const buildNoteEn = uiText('en').build.note;
import { followBuild } from './build-stream.js';
import { EventQueue } from './event-queue.js';
import { containment, inScratchTmpfs, runContained, scratchDiesWithBuild, streamContained } from './contained-command.js';
import { contextFiles } from './context-files.js';
import { buildFolder } from './folder-build.js';
import { ownedTempDir, removeOwnedDir, removeOwnedDirSoon } from './host-leftovers.js';
import { ownerMark } from '../core/owner-mark.js';
import { selfOwner } from './owner-process.js';
import { LabError } from './lab-error.js';
import { IMAGES_DIR } from './package-paths.js';

export const BASE_REPO = 'zombie-lab/base';
export const ZOMBIE_REPO = 'zombie-lab/zombie';
export const REGISTRY_BASE = 'debian:bookworm-slim';
export type WayChoice = 'auto' | 'registry' | 'offline';

export interface ImageTags {
  base: string;
  zombie: string;
}

export async function readPackageList(dir = path.join(IMAGES_DIR, 'base')): Promise<string[]> {
  const text = await readFile(path.join(dir, 'packages.txt'), 'utf8');
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Tags derived from the build inputs; the way the base was built does not change its tag. */
export async function imageTags(imagesDir = IMAGES_DIR): Promise<ImageTags> {
  const baseHash = contentHash(contextFiles(path.join(imagesDir, 'base')));
  const base = `${BASE_REPO}:${baseHash}`;
  const zombieHash = contentHash([...contextFiles(path.join(imagesDir, 'zombie')), { name: 'BASE', data: base }]);
  return { base, zombie: `${ZOMBIE_REPO}:${zombieHash}` };
}

export async function imageExists(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

/** Registry if its base image is here or can be pulled; else offline from Debian's packages. */
export async function chooseWay(docker: Docker, choice: WayChoice, signal?: AbortSignal): Promise<{ way: 'registry' | 'offline'; why: WayWhy }> {
  if (choice === 'registry') return { way: 'registry', why: { id: 'asked' } };
  if (choice === 'offline') return { way: 'offline', why: { id: 'asked' } };
  if (await imageExists(docker, REGISTRY_BASE)) return { way: 'registry', why: { id: 'present', ref: REGISTRY_BASE } };
  // A registry behind a firewall that drops packets would hang the pull: give it a bound.
  const bounded = signal ? AbortSignal.any([signal, AbortSignal.timeout(30_000)]) : AbortSignal.timeout(30_000);
  try {
    const stream = await docker.pull(REGISTRY_BASE, { abortSignal: bounded });
    await followBuild(stream, { kind: 'ref', ref: REGISTRY_BASE }, () => {}, bounded);
    return { way: 'registry', why: { id: 'pulled', ref: REGISTRY_BASE } };
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { way: 'offline', why: { id: 'no-registry', reason: (reason ?? '').slice(0, 120) } };
  }
}

function hostSourcesFile(): string | null {
  for (const f of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list.d/ubuntu.sources', '/etc/apt/sources.list']) {
    if (existsSync(f)) return f;
  }
  return null;
}

async function hostSuite(): Promise<string> {
  try {
    const osr = await readFile('/etc/os-release', 'utf8');
    const m = /^VERSION_CODENAME=(\S+)$/m.exec(osr);
    if (m?.[1]) return m[1].replace(/"/g, '');
  } catch {
    // not Linux, or no os-release: fall through
  }
  return 'bookworm';
}

async function buildBaseOffline(docker: Docker, tag: string, imagesDir: string, onLine: (l: string) => void, signal?: AbortSignal): Promise<void> {
  await buildDebianRootOffline(docker, tag, await readPackageList(path.join(imagesDir, 'base')), onLine, signal);
}

/**
 * A Debian root with these packages (mmdebstrap, from this host's apt sources), imported as an
 * image and tagged `tag`: the base image's offline way, also used for test images that need
 * more of Debian's packages than the base has.
 */
export async function buildDebianRootOffline(docker: Docker, tag: string, packages: readonly string[], onLine: (l: string) => void, signal?: AbortSignal): Promise<void> {
  const sources = hostSourcesFile();
  const suite = await hostSuite();
  const args = (target: string): string[] => [
    '--variant=essential',
    `--include=${packages.join(',')}`,
    '--dpkgopt=path-exclude=/usr/share/doc/*',
    '--dpkgopt=path-exclude=/usr/share/man/*',
    '--dpkgopt=path-exclude=/usr/share/locale/*',
    '--aptopt=Acquire::Check-Valid-Until "false"',
    suite,
    target,
    ...(sources ? [sources] : []),
  ];
  if (scratchDiesWithBuild()) return buildInScratchTmpfs(docker, tag, args('-'), onLine, signal);
  // Marked with our PID: if we are killed, the next start removes it (host-leftovers.ts). It is
  // mmdebstrap's TMPDIR too, so its chroot and gpg home land here and nowhere else.
  const dir = await ownedTempDir('build');
  const tarball = path.join(dir, 'rootfs.tar');
  try {
    const a = args(tarball);
    onLine(`mmdebstrap ${a.join(' ')} (${containment().how})`);
    await runContained('mmdebstrap', a, { onLine, env: { ...process.env, TMPDIR: dir }, ...(signal ? { signal } : {}) });
    await importRoot(docker, tag, createReadStream(tarball), onLine, signal);
  } finally {
    if (signal?.aborted) removeOwnedDirSoon(dir);
    else await removeOwnedDir(dir);
  }
}

/**
 * As root: nothing of the build touches the host's disk. mmdebstrap runs in its own mount and
 * PID namespaces with a tmpfs on its /tmp (its chroot, gpg home and apt lists) and writes the
 * tarball to stdout, straight into the engine's import. When the build ends, however it ends
 * (SIGKILL of the lab included: setpriv's death signal, then unshare's), the kernel ends its
 * processes and frees the tmpfs with its namespace; a cut import is no image (the engine drops
 * it); and the stream holds back its end until mmdebstrap exited 0, so a failed build never
 * becomes an image either.
 */
async function buildInScratchTmpfs(docker: Docker, tag: string, args: string[], onLine: (l: string) => void, signal?: AbortSignal): Promise<void> {
  const mark = `${ownerMark('build', selfOwner())}tmpfs`;
  const wrapped = inScratchTmpfs('mmdebstrap', args, mark);
  onLine(`mmdebstrap ${args.join(' ')} (${containment().how}, scratch in a tmpfs of its own, the tarball piped into the import)`);
  // The import is cut when the build fails or is aborted: the engine then has half a tar, no image.
  const cut = new AbortController();
  const both = signal ? AbortSignal.any([signal, cut.signal]) : cut.signal;
  const { stdout, done } = streamContained(wrapped.cmd, wrapped.args, { onLine, signal: both, shownAs: { cmd: 'mmdebstrap', args } });
  done.catch(() => cut.abort(new Error('the build failed')));
  const imported = importRoot(docker, tag, stdout, onLine, both);
  // The build's error first (it says why), then the import's.
  const [built, imp] = await Promise.allSettled([done, imported]);
  if (built.status === 'rejected') throw built.reason;
  if (imp.status === 'rejected') throw imp.reason;
}

/** A root file system's tarball into an image: imported untagged, then tagged `tag` by its id. */
async function importRoot(docker: Docker, tag: string, tar: NodeJS.ReadableStream, onLine: (l: string) => void, signal?: AbortSignal): Promise<void> {
  const [repo, version] = tag.split(':') as [string, string];
  // Imported untagged, then tagged by id: Podman ignores the import's tag (the image would land
  // as :latest), and merges several pairs in one LABEL change into one label: one pair each.
  const stream = await docker.importImage(tar, {
    changes: [`LABEL ${LABEL_IMAGE}=${tag}`, `LABEL ${LABEL_BASE_WAY}=offline`, 'CMD ["bash"]', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ...(signal ? { abortSignal: signal } : {}),
  } as Record<string, unknown>);
  const { imageId } = await followBuild(stream, { kind: 'import' }, onLine, signal);
  if (!imageId) throw new LabError('the engine imported the base image but did not say its id', 'run zombie-lab prepare again; if it repeats, see zombie-lab doctor');
  await docker.getImage(imageId).tag({ repo, tag: version });
}

// `| undefined`: an absent option and an undefined one mean the same, so callers pass theirs on as they are.
export interface EnsureOptions {
  way?: WayChoice | undefined;
  signal?: AbortSignal | undefined;
  imagesDir?: string | undefined;
}

/** Builds what is missing, yielding progress. Returns the tags to run. */
export async function* ensureImages(docker: Docker, opts: EnsureOptions = {}): AsyncGenerator<RunEvent, ImageTags> {
  const imagesDir = opts.imagesDir ?? IMAGES_DIR;
  const tags = await imageTags(imagesDir);
  let lineFor: (image: ImageName) => (line: string, note?: BuildNote) => void = () => () => {};

  // Progress arrives by callback while a build runs; a queue turns it into events as it comes.
  async function* step(image: ImageName, work: () => Promise<BuildWay>): AsyncGenerator<RunEvent> {
    const started = Date.now();
    const q = new EventQueue<RunEvent>();
    lineFor = (img) => (line, note) => q.push({ type: 'build-progress', image: img, line, ...(note ? { note } : {}) });
    // Boxed: whatever the build rejected with (even a falsy value) still ends the step.
    let failure = null as { error: unknown } | null;
    let way: BuildWay = 'cached';
    const p = work().then(
      (w) => (way = w),
      (e: unknown) => (failure = { error: e }),
    );
    void p.finally(() => q.close());
    yield* q.drain();
    if (failure) throw failure.error;
    yield { type: 'build-done', image, tag: image === 'base' ? tags.base : tags.zombie, way, ms: Date.now() - started };
  }

  yield* step('base', async () => {
    if (await imageExists(docker, tags.base)) return 'cached';
    const { way, why } = await chooseWay(docker, opts.way ?? 'auto', opts.signal);
    const note: BuildNote = { id: 'way', tag: tags.base, way, why };
    lineFor('base')(buildNoteEn(note), note);
    if (way === 'offline') await buildBaseOffline(docker, tags.base, imagesDir, lineFor('base'), opts.signal);
    else
      await buildFolder(docker, path.join(imagesDir, 'base'), {
        tags: [tags.base],
        what: { kind: 'image', name: 'base' },
        onLine: lineFor('base'),
        labels: { [LABEL_IMAGE]: tags.base, [LABEL_BASE_WAY]: 'registry' },
        signal: opts.signal,
      });
    return way;
  });
  yield* step('zombie', async () => {
    if (await imageExists(docker, tags.zombie)) return 'cached';
    await buildFolder(docker, path.join(imagesDir, 'zombie'), {
      tags: imagesDir === IMAGES_DIR ? [tags.zombie, `${ZOMBIE_REPO}:latest`] : [tags.zombie],
      what: { kind: 'image', name: 'zombie' },
      onLine: lineFor('zombie'),
      buildargs: { BASE: tags.base },
      labels: { [LABEL_IMAGE]: tags.zombie },
      signal: opts.signal,
    });
    return 'built';
  });
  return tags;
}

export const WORKLOAD_REPO = 'zombie-lab/workload';

/** The tag of an extra image built FROM the base (e.g. the scorecard's workload): repo:hash of its context and the base tag. */
export async function extraImageTag(name: string, repo: string, imagesDir = IMAGES_DIR): Promise<string> {
  const { base } = await imageTags(imagesDir);
  const hash = contentHash([...contextFiles(path.join(imagesDir, name)), { name: 'BASE', data: base }]);
  return `${repo}:${hash}`;
}

export interface ExtraImageOptions extends EnsureOptions {
  /** Build progress lines of the base, zombie and extra image alike. */
  onLine?: (line: string) => void;
}

/** Runs ensureImages to its end, handing each of its events to `onEvent`, and gives the tags it made sure of. */
export async function readyImages(docker: Docker, opts: EnsureOptions = {}, onEvent: (e: RunEvent) => void = () => {}): Promise<ImageTags> {
  const gen = ensureImages(docker, opts);
  for (;;) {
    const r = await gen.next();
    if (r.done) return r.value;
    onEvent(r.value);
  }
}

/**
 * Makes sure the base (and zombie) images exist, then builds `images/<name>/` FROM the base
 * if its tag is missing. Leaves the base and zombie tags as ensureImages makes them.
 */
export async function ensureExtraImage(docker: Docker, name: string, repo: string, opts: ExtraImageOptions = {}): Promise<{ tag: string; built: boolean }> {
  const imagesDir = opts.imagesDir ?? IMAGES_DIR;
  const onLine = opts.onLine ?? (() => {});
  const tags = await readyImages(docker, opts, (e) => {
    if (e.type === 'build-progress') onLine(`[${e.image}] ${e.line}`);
  });
  const tag = await extraImageTag(name, repo, imagesDir);
  if (await imageExists(docker, tag)) return { tag, built: false };
  // Also `:latest` for the shipped images, so a learner can type the name in a docker command.
  const tagsToSet = imagesDir === IMAGES_DIR ? [tag, `${repo}:latest`] : [tag];
  await buildFolder(docker, path.join(imagesDir, name), {
    tags: tagsToSet,
    what: { kind: 'image', name },
    onLine: (l) => onLine(`[${name}] ${l}`),
    buildargs: { BASE: tags.base },
    labels: { [LABEL_IMAGE]: tag },
    signal: opts.signal,
  });
  return { tag, built: true };
}
