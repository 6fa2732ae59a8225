/** Building an image from a folder on the engine: the one place that packs a context and follows the build. */
import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import type { BuildTarget } from '../core/problem-text.js';
import { followBuild } from './build-stream.js';
import type { BuildsImages } from './engine-api.js';

export interface FolderBuild {
  tags: string[];
  /** What is built, for the error a failed step gives. */
  what: BuildTarget;
  onLine: (line: string) => void;
  labels: Record<string, string>;
  buildargs?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** More of the engine's build parameters (a lab check's nocache and resource bounds). */
  params?: Record<string, string | number | boolean>;
}

/** Builds `dir` (never pulling, intermediate containers removed even on failure); a failed step throws its LabError. */
export async function buildFolder(docker: BuildsImages, dir: string, b: FolderBuild): Promise<void> {
  const stream = await docker.buildImage(pack(dir) as unknown as NodeJS.ReadableStream, {
    t: b.tags,
    buildargs: b.buildargs ?? {},
    labels: b.labels,
    rm: true,
    forcerm: true,
    pull: false,
    ...b.params,
    ...(b.signal ? { abortSignal: b.signal } : {}),
  } as unknown as Docker.ImageBuildOptions);
  await followBuild(stream, b.what, b.onLine, b.signal);
}
