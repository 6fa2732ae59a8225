import type { PaneSlide } from './slide-pane.js';

/** Shown until the real deck is wired in: enough to present the live demo. */
export const PLACEHOLDER_SLIDES: readonly PaneSlide[] = [
  {
    title: 'How to reap zombies',
    body: 'PID 1 in containers.\n\nPress → for the demo, ? for all keys.',
  },
  {
    section: 'Demo',
    title: 'The same program, three ways to start it',
    body: 'fork.py makes orphans that exit. Only an init that reaps keeps the zombie count at 0.',
    widgets: [{ kind: 'lanes' }],
  },
  {
    title: 'tl;dr',
    body: 'Use docker run --init, or an init such as dumb-init or tini as the entrypoint.',
  },
];
