/**
 * The PID 1 variants the lab runs side by side. Pure data: how each maps onto a
 * container is decided here so the engine, CLI and UI agree on names and order.
 */
export const MODE_IDS = ['no-init', 'dumb-init', 'init'] as const;
export type ModeId = (typeof MODE_IDS)[number];

export interface ModeSpec {
  id: ModeId;
  /** Short label for tables and lanes. */
  label: string;
  /** The `docker run` line this mode corresponds to (shown on slides and in help). */
  dockerRun: string;
  /** Entrypoint override, or undefined for the image's own. */
  entrypoint?: string[];
  /** Command to run. */
  cmd: string[];
  /** HostConfig.Init: what `docker run --init` does (tini as docker-init). */
  init: boolean;
  /** Plot glyph, so lanes stay distinguishable without colour. */
  glyph: string;
}

const APP = ['python3', '/root/fork.py'];

export const MODES: Record<ModeId, ModeSpec> = {
  'no-init': {
    id: 'no-init',
    label: 'no init',
    dockerRun: 'docker run --rm -ti zombie',
    cmd: APP,
    init: false,
    glyph: '*',
  },
  'dumb-init': {
    id: 'dumb-init',
    label: 'dumb-init',
    dockerRun: 'docker run --rm -ti --entrypoint dumb-init zombie python3 /root/fork.py',
    entrypoint: ['dumb-init'],
    cmd: APP,
    init: false,
    glyph: 'o',
  },
  init: {
    id: 'init',
    label: 'docker --init',
    dockerRun: 'docker run --rm -ti --init zombie python3 /root/fork.py',
    cmd: APP,
    init: true,
    glyph: '+',
  },
};

export function isModeId(value: string): value is ModeId {
  return (MODE_IDS as readonly string[]).includes(value);
}
