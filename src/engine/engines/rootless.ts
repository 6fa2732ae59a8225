/**
 * Rootless Docker (dockerd-rootless.sh under rootlesskit). Same init and images as Docker; the
 * difference is cgroups: on cgroup v1 it has none (cgroup driver "none"), so no PID limit holds.
 */
import { DOCKER } from './docker.js';
import type { EngineTraits } from './types.js';

export const ROOTLESS_DOCKER: EngineTraits = { ...DOCKER, kind: 'rootless-docker', label: 'rootless Docker' };
