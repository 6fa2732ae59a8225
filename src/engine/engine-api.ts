/**
 * The small parts of dockerode that the engine layer's plain functions need, each with the answer
 * shapes the lab reads. dockerode's Docker and Container fit them as they are; a test's fake engine
 * answers only these, typed, without casting to dockerode's much larger classes.
 */
import type Docker from 'dockerode';
import type { ContainerSpec } from '../core/container-spec.js';
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

/**
 * A lab container as the engine layer drives it: started, its init's PID read, its exit waited
 * for, removed. dockerode's Container fits it; a test's fake answers only these.
 */
export interface LabContainer {
  readonly id: string;
  start(): Promise<unknown>;
  inspect(): Promise<{ State: { Pid: number } }>;
  wait(opts: { condition: 'next-exit' | 'removed'; abortSignal?: AbortSignal }): Promise<{ StatusCode?: number }>;
  remove(opts: { force: true }): Promise<unknown>;
}

/** `docker stop -t`: a container the lab stops and times. */
export interface StopsContainer {
  stop(opts: { t: number }): Promise<unknown>;
}

/**
 * A stream from the engine as dockerode types it (a plain NodeJS stream), with the destroy that
 * the socket or response behind it has: ending it at once frees the connection.
 */
export type EngineStream<S extends NodeJS.ReadableStream | NodeJS.WritableStream = NodeJS.ReadWriteStream> = S & { destroy?: () => void };

/** The hijacked stdin of a waiting container. */
export interface AttachesStdin {
  attach(opts: { stream: true; stdin: true; stdout: false; stderr: false; hijack: true }): Promise<EngineStream>;
}

/**
 * Creating a lab container: the spec as the lab writes it, the container as the engine gives it
 * (dockerode's Container from dockerode, so callers keep its full API), behind the PID-limit
 * gate and the host-wide PID budget.
 */
export interface CreatesContainers<C extends LabContainer = LabContainer> extends BudgetEngine {
  createContainer(spec: ContainerSpec): Promise<C>;
}
