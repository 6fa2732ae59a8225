import { describe, expect, it } from 'vitest';
import { isTreeName, treeDiagram, TREE_NAMES } from './diagrams.js';

describe('treeDiagram', () => {
  it('offers the four lifecycle pictures of the seed deck', () => {
    expect(TREE_NAMES).toEqual(['processes', 'terminated', 'reaping', 'adoption']);
    expect(isTreeName('reaping')).toBe(true);
    expect(isTreeName('toString')).toBe(false);
  });

  it('draws the process tree under PID 1 with box-drawing branches', () => {
    const lines = treeDiagram('processes', 'en');
    expect(lines[0]).toBe('[1] init');
    expect(lines).toContain('├── [23] sshd');
    expect(lines).toContain('│           └── [91] worker');
    expect(lines).toContain('└── [42] cron');
    expect(lines.at(-1)).toMatch(/PID 1 \(init\)/);
  });

  it('marks only the exited child as zombie, in a way that needs no colour', () => {
    const zombieLines = treeDiagram('terminated', 'de').filter((l) => l.includes('[91]'));
    expect(zombieLines).toEqual(['│           └── [91] worker <defunct>  ← beendet: Zombie (Z)']);
    for (const name of ['processes', 'reaping', 'adoption'] as const) {
      expect(treeDiagram(name, 'de').slice(0, -1).join('\n')).not.toContain('<defunct>');
    }
  });

  it('removes the reaped child and re-parents orphans to PID 1', () => {
    expect(treeDiagram('reaping', 'en').join('\n')).not.toMatch(/\[91\] worker/);
    const adoption = treeDiagram('adoption', 'en');
    expect(adoption).not.toContain(expect.stringContaining('[88] python3 ←'));
    expect(adoption).toContain('└── [90] worker  ← orphan, adopted by PID 1');
  });

  it('has German and English text for every diagram with the same tree shape', () => {
    for (const name of TREE_NAMES) {
      const de = treeDiagram(name, 'de');
      const en = treeDiagram(name, 'en');
      expect(de.length).toBe(en.length);
      expect(de.at(-1)).not.toBe(en.at(-1));
      const shape = (lines: string[]) => lines.map((l) => l.replace(/ {2}← .*$/, ''));
      expect(shape(de).slice(0, -1)).toEqual(shape(en).slice(0, -1));
    }
  });
});
