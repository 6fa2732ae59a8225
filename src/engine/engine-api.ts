/**
 * The small parts of dockerode that the engine layer's plain functions need, each with the answer
 * shapes the lab reads. dockerode's Docker and Container fit them as they are; a test's fake engine
 * answers only these, typed, without casting to dockerode's much larger classes.
 */
import type Docker from 'dockerode';
import type { EngineInfo, EngineVersion } from '../core/engine-kind.js';

/** `docker info` and `docker version`: what the engine is, where it runs. */
export interface DescribesEngine {
  info(): Promise<EngineInfo>;
  version(): Promise<EngineVersion>;
}

/** A row of `docker ps -a`, as far as the lab reads it. */
export interface ListedContainer {
  Id: string;
  State: string;
  Labels: Record<string, string>;
}

/** The lab's containers, by label, and one container's PID limit where its label lacks it. */
export interface ListsContainers {
  listContainers(opts: { all: boolean; filters: { label: string[] } }): Promise<ListedContainer[]>;
  getContainer(id: string): { inspect(): Promise<{ HostConfig?: { PidsLimit?: number | null | undefined } }> };
}

/** What the host-wide PID budget asks of an engine. */
export type BudgetEngine = DescribesEngine & ListsContainers;

/** `docker build` from a tar stream: the engine's JSON messages come back as a stream. */
export interface BuildsImages {
  buildImage(context: NodeJS.ReadableStream, opts: Docker.ImageBuildOptions): Promise<NodeJS.ReadableStream>;
}

/** A container's logs so far (not followed): one buffer, stdout and stderr multiplexed (or text, as some engines answer). */
export interface HasLogs {
  logs(opts: { stdout: true; stderr: true; follow: false }): Promise<Buffer | string>;
}
