/** Docker Engine (and Docker Desktop): the reference the lesson is written for. */
import type { EngineTraits } from './types.js';

export const DOCKER: EngineTraits = {
  kind: 'docker',
  label: 'Docker',
  init: { binary: 'docker-init (tini)', comm: 'docker-init', install: 'Debian/Ubuntu: apt-get install tini, then restart dockerd (Docker Desktop ships it)' },
  initHonoursKillProcessGroup: true,
  initNote: null,
  tagPrefixes: [],
};
