import { describe, expect, it } from 'vitest';
import { snap } from '../../test-support/namespace-snapshot.js';
import { parseStatusMasks } from '../signal-mask.js';
import { LANGS } from '../lang.js';
import { diagnose, FINDING_IDS } from './diagnosis.js';
import { INSPECT_TEXT } from './inspect-text.js';
import { containerText } from './report.js';
import type { ContainerFacts, ProcInfo } from './snapshot.js';

const PYTHON = 'SigBlk:\t0000000000000000\nSigIgn:\t0000000001001000\nSigCgt:\t0000000000000202\n';
const DASH = 'SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000010002\n';

const facts = (over: Partial<ContainerFacts> = {}): ContainerFacts => ({
  id: 'abc123', name: 'web', image: 'img', entrypoint: null, cmd: ['python3', 'app.py'], init: false, stopSignal: null, stopTimeoutS: null,
  pidsLimit: 256, startedBy: { kind: 'docker' }, restartCount: 0, labels: {}, ...over,
});
const zombies = (n: number, ppid: number): ProcInfo[] => Array.from({ length: n }, (_, i) => ({ pid: 10 + i, ppid, comm: 'python3', state: 'Z' as const }));

/** Containers that between them raise every finding. */
const CASES = [
  { facts: facts(), snapshot: snap(['python3', 'app.py'], PYTHON, [...zombies(5, 1), { pid: 40, ppid: 1, comm: 'worker', state: 'S' }, ...zombies(3, 40)], { pids: { used: 240, limit: 256, refusedForks: 4 } }) },
  { facts: facts({ cmd: ['/bin/sh', '-c', 'python3 app.py'], pidsLimit: null }), snapshot: snap(['/bin/sh', '-c', 'python3 app.py'], DASH, [{ pid: 7, ppid: 1, comm: 'python3', state: 'S', cmdline: ['python3', 'app.py'], masks: parseStatusMasks(PYTHON) }], { pids: { used: 2, limit: null, refusedForks: null } }) },
  { facts: facts({ entrypoint: ['tini', '--'], cmd: ['/bin/sh', '-c', 'python3 app.py'] }), snapshot: snap(['tini', '--', '/bin/sh', '-c', 'python3 app.py'], 'SigBlk:\t0\nSigIgn:\t0\nSigCgt:\t0\n', [{ pid: 7, ppid: 1, comm: 'sh', state: 'S', cmdline: ['/bin/sh', '-c', 'python3 app.py'], masks: parseStatusMasks(DASH) }, { pid: 8, ppid: 7, comm: 'python3', state: 'S', cmdline: ['python3', 'app.py'], masks: parseStatusMasks(PYTHON) }]) },
];

/** English words that must not be left in German prose (commands, paths and quoted names aside). */
const ENGLISH = /\b(the|with|which|never|waits|gets|does|under|used|refused|dropped|ends on|cannot)\b/;
const prose = (s: string) => s.replace(/`[^`]*`|"[^"]*"|'[^']*'|\([^)]*\(\)[^)]*\)|\b[a-z]+\([0-9]\)/g, '');

describe('inspect text tables', () => {
  it('every finding id has its own words in each language', () => {
    for (const id of FINDING_IDS) {
      for (const lang of LANGS) expect(INSPECT_TEXT[lang].findings[id].trim(), `${lang} ${id}`).not.toBe('');
      expect(INSPECT_TEXT.de.findings[id], id).not.toBe(INSPECT_TEXT.en.findings[id]);
    }
    for (const [k, en] of Object.entries(INSPECT_TEXT.en.judgedBy)) expect(INSPECT_TEXT.de.judgedBy[k as keyof typeof INSPECT_TEXT.de.judgedBy], k).not.toBe(en);
  });

  it('diagnoses the same in German, every finding, fix, verdict and prediction worded in German', () => {
    const seen = new Set<string>();
    const left: string[] = [];
    for (const c of CASES) {
      const en = diagnose(c);
      const de = diagnose({ ...c, lang: 'de' });
      expect(de.findings.map((f) => [f.id, f.category, f.fix.length])).toEqual(en.findings.map((f) => [f.id, f.category, f.fix.length]));
      expect(de.signals.map((s) => [s.signal, s.disposition, s.effect])).toEqual(en.signals.map((s) => [s.signal, s.disposition, s.effect]));
      expect({ ...de.stop, text: '' }).toEqual({ ...en.stop, text: '' });
      for (const [i, f] of de.findings.entries()) {
        seen.add(f.id);
        expect(f.message).not.toBe(en.findings[i]!.message);
        for (const text of [f.message, ...f.fix]) if (ENGLISH.test(prose(text))) left.push(`${f.id}: ${text}`);
      }
      for (const text of [de.verdict, de.stop.text, ...de.signals.map((s) => s.judgedBy)]) if (ENGLISH.test(prose(text))) left.push(text);
    }
    expect(left).toEqual([]);
    expect([...seen].sort()).toEqual([...FINDING_IDS].sort());
  });

  it('writes the text report in German', () => {
    const d = diagnose({ ...CASES[0]!, lang: 'de' });
    const lines = containerText({ facts: CASES[0]!.facts, source: 'host-proc', sourceWhy: '', diagnosis: d }, { lang: 'de' });
    expect(lines[0]).toBe('web (abc123) · img · docker run (oder die API)');
    expect(lines).toContain('  docker stop  STOPSIGNAL SIGTERM, Timeout 10 s: docker stop wird die vollen 10 s warten und dann SIGKILL schicken (Exit-Code 137): der Prozess mit PID 1 hat keinen Handler für SIGTERM, also verwirft der Kernel es');
    expect(lines).toContain('  Urteil       5 Probleme: PID 1 ist die App python3, SIGTERM verworfen → SIGKILL nach 10 s, 8 Zombies');
    expect(lines.filter((l) => l.startsWith('      Lösung: ')).length).toBe(d.findings.reduce((n, f) => n + f.fix.length, 0));
    expect(lines.at(-1)).toBe('  (gelesen über /proc dieses Hosts)');
    // Dispositions and effects in German words too (JSON keeps their ids).
    expect(lines.find((l) => l.includes('SIGTERM: '))).toMatch(/SIGTERM: Standardverhalten, verworfen — /);
  });
});
