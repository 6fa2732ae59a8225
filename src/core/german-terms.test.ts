import { describe, expect, it } from 'vitest';
import { oldGermanTerms } from './german-terms.js';

describe('German terminology', () => {
  it('finds each old term and names the one to use', () => {
    for (const [text, use] of [
      ['der Zombie ist „gereapt“', 'abräumen'],
      ['sh räumt auf, ignoriert aber SIGTERM', 'abräumen'],
      ['Mit einer PID 1, die aufräumt', 'der Prozess mit PID 1'],
      ['Der Stop dauert den ganzen Timeout', 'Stopp'],
      ['der Stop-Timeout', 'Stopp'],
      ['`ps` zeigt ihn mit Status Z', 'Zustand Z'],
      ['Schreib, was du entschlüsselt hast', 'dekodieren'],
      ['Der Workspace enthält', 'Arbeitsordner'],
      ['Jeder Fund nennt Datei und Zeile', 'Befund'],
      ['antwortete nicht mehr beim Schritt den Bau der Images', 'dative'],
    ] as const) {
      expect(oldGermanTerms(text).join('\n'), text).toContain(use);
    }
  });

  it('lets the terminology itself pass, and English commands in it', () => {
    const ok = [
      'Dieses Abholen heißt Reaping (Abräumen): der Zombie ist abgeräumt.',
      'Der Kernel schützt den Prozess mit PID 1: ein Signal, für das er keinen Handler hat',
      'Der Stopp dauert den Timeout; `docker stop` und STOPSIGNAL, --stop-timeout',
      'ps zeigt ihn im Zustand Z; dekodiere SigIgn; dein Arbeitsordner; jeder Befund',
      'antwortete nicht mehr beim Bau der Images; --workspace ORDNER; ZOMBIE_LAB_WORKSPACE; Subreaper; „how to reap zombies“',
    ];
    for (const text of ok) expect(oldGermanTerms(text), text).toEqual([]);
  });
});
