/**
 * Engine refusals that have a known fix, recognised by their message: without these they read as
 * a bare HTTP 500. Each engine's own wording, in one list.
 */
import { ENGINE_KINDS } from './engine-kind.js';
import type { HintId } from './problem-text.js';

export interface ErrorHint {
  /** Its words in both languages: core/problem-text.ts. */
  id: HintId;
  /** The install command its fix names ('' when the fix is no install). */
  install: string;
  match: RegExp;
  /** What went wrong, in the lab's words (the engine's message follows it). */
  what: string;
  fix: string;
}

export const ERROR_HINTS: ErrorHint[] = [
  {
    // Podman: "container-init binary not found on the host: stat /usr/libexec/podman/catatonit"
    id: 'catatonit',
    install: ENGINE_KINDS.podman.init.install,
    match: /container-init binary not found|catatonit: no such file/i,
    what: '--init needs catatonit on the machine Podman runs on',
    fix: `install it: ${ENGINE_KINDS.podman.init.install}`,
  },
  {
    id: 'docker-init',
    install: ENGINE_KINDS.docker.init.install,
    match: /docker-init.*(not found|no such file)|exec: "docker-init"/i,
    what: '--init needs docker-init (tini) on the machine Docker runs on',
    fix: `install it: ${ENGINE_KINDS.docker.init.install}`,
  },
  {
    // Podman's default nofile (1048576) above the hard limit, and no CAP_SYS_RESOURCE to raise it.
    id: 'rlimit',
    install: '',
    match: /error setting rlimit type \d+/i,
    what: "the engine's default ulimits are above this machine's hard limits",
    fix: 'Podman: set default_ulimits = ["nofile=N:N"] in containers.conf ([containers] section) with N at most `ulimit -Hn`, then restart podman system service',
  },
];

export function hintFor(message: string): ErrorHint | null {
  return ERROR_HINTS.find((h) => h.match.test(message)) ?? null;
}
