import { describe, expect, it } from 'vitest';
import { uiText } from './i18n.js';
import { LANGS } from './lang.js';
import { stopWayOf } from './stop-way.js';

const lanes = (pod: { emulated: boolean } | null) => ({ 'no-init': { pod }, 'dumb-init': { pod }, init: { pod } });

describe('stopWayOf', () => {
  it('the demo stops with docker stop; a pod with its grace period, on Podman by podman stop, emulated on Docker by docker stop', () => {
    expect(stopWayOf(lanes(null))).toBe('docker-stop');
    expect(stopWayOf(lanes({ emulated: false }))).toBe('pod-podman');
    expect(stopWayOf(lanes({ emulated: true }))).toBe('pod-emulated');
  });
});

describe('the stop named where it shows (de and en)', () => {
  it('a pods run on Podman says podman stop and the grace period, in the plot caption, the handout line and its legend, never docker stop', () => {
    const r = { mode: 'no-init' as const, pid1: 'python3', zombiesEnd: 3, zombiesPeak: 9, pidsUsedEnd: null, pidsPeak: null, pidsLimit: 256, forkFailures: null, stopMs: 5100, exitCode: 137 };
    for (const lang of LANGS) {
      const t = uiText(lang);
      const lines = [t.plotCaption(30, 60, false, 'pod-podman')[0] ?? '', t.svg.stopAt(12_300, 'pod-podman'), t.svg.legend(r, 'pod-podman')];
      for (const line of lines) {
        expect(line, lang).toContain('podman stop');
        expect(line, lang).not.toContain('docker stop');
      }
      expect(t.plotCaption(30, 60, false, 'pod-emulated')[0], lang).toContain(t.stopName['pod-emulated']);
      // The demo keeps its words.
      expect(t.svg.stopAt(12_300), lang).toContain('docker stop');
      expect(t.plotCaption(30, 60, false, 'docker-stop')[0], lang).toContain('┊ docker stop');
      expect(t.plotCaption(30, 60, false, null)[0], lang).not.toContain('┊');
    }
  });
});
