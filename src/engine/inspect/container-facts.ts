/** What the engine says about a container, read-only (list and inspect; never exec, never a signal). */
import type Docker from 'dockerode';
import { startedByFromLabels, type ContainerFacts } from '../../core/inspect/snapshot.js';

export interface Inspected {
  facts: ContainerFacts;
  running: boolean;
  /** PID of the container's init on the engine's kernel (0 when not running). */
  initPid: number;
}

export function factsFromInspect(info: Docker.ContainerInspectInfo): Inspected {
  const labels = info.Config.Labels ?? {};
  const cfg = info.Config as Docker.ContainerInspectInfo['Config'] & { StopSignal?: string; StopTimeout?: number };
  const limit = info.HostConfig.PidsLimit;
  return {
    running: info.State.Running,
    initPid: info.State.Pid,
    facts: {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      image: info.Config.Image,
      entrypoint: (info.Config.Entrypoint as string[] | null | undefined) ?? null,
      cmd: info.Config.Cmd ?? null,
      init: info.HostConfig.Init === true,
      stopSignal: cfg.StopSignal ?? null,
      stopTimeoutS: typeof cfg.StopTimeout === 'number' ? cfg.StopTimeout : null,
      // 0, -1 and null all mean no limit.
      pidsLimit: typeof limit === 'number' && limit > 0 ? limit : null,
      startedBy: startedByFromLabels(labels),
      restartCount: info.RestartCount,
      labels,
    },
  };
}

/** The running containers' ids, oldest first (`--all`). */
export async function runningContainerIds(docker: Docker): Promise<string[]> {
  const list = await docker.listContainers({ all: false });
  return list.sort((a, b) => a.Created - b.Created).map((c) => c.Id);
}
