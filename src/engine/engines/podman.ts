/**
 * Podman through its Docker-compatible API (`podman system service`). Its `--init` is catatonit,
 * bind-mounted as /run/podman-init; its image lists name our tags with a registry in front.
 */
import type { EngineTraits } from './types.js';

export const PODMAN: EngineTraits = {
  kind: 'podman',
  label: 'Podman',
  init: { binary: 'catatonit', comm: 'podman-init', install: 'Debian/Ubuntu: apt-get install catatonit (Fedora: dnf install catatonit) on the machine Podman runs on' },
  // catatonit forwards a signal to its child only; TINI_KILL_PROCESS_GROUP means nothing to it.
  initHonoursKillProcessGroup: false,
  initNote:
    "--init on Podman is catatonit, mounted as podman-init (so PID 1 reads podman-init, not docker-init). It passes a signal to its child only and knows nothing of TINI_KILL_PROCESS_GROUP: the '--init, KILL_PROCESS_GROUP' row reaches the group on Docker (tini) but not here.",
  tagPrefixes: ['docker.io/', 'localhost/'],
};
