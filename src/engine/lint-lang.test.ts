/**
 * lint in both languages over its corpus and the real-world files: the same findings (file, line, rule, level, edit)
 * in German as in English, with every message, fix and lab pointer in German; rule ids unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../core/lint/lint-text.js';
import { lintSarif, lintText } from '../core/lint/lint.js';
import { lintPaths } from './lint-files.js';
import { PACKAGE_ROOT } from './package-paths.js';

const ROOT = path.join(PACKAGE_ROOT, 'test', 'lint-corpus');
const folders = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(ROOT, d.name));
const named = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'expected.json'), 'utf8')) as { named: Record<string, unknown> }).named).map((f) => path.join(ROOT, f));
// The corpus pins each rule; the real-world files (97 repositories) bring the variants of each message.
const REAL = path.join(PACKAGE_ROOT, 'test', 'real-world');
const run = (lang: 'de' | 'en') => lintPaths([...folders, ...named, REAL], { lang });

/** English phrases that must not be left in a German message. */
const ENGLISH = /\b(the|with|which|stays|drops|waits|without|never|runs|gets)\b/;

describe('lint in German and English', () => {
  const en = run('en');
  const de = run('de');

  it('finds the same things in both languages', () => {
    const key = (r: typeof en) => r.findings.map((f) => [f.file, f.line, f.rule, f.level, f.edit?.text ?? null]);
    expect(en.findings.length).toBeGreaterThan(200);
    expect(key(de)).toEqual(key(en));
    expect(de.unjudged.map((u) => [u.file, u.line])).toEqual(en.unjudged.map((u) => [u.file, u.line]));
  });

  it('knows every rule it reports, and the corpus reaches most of them', () => {
    const seen = new Set(en.findings.map((f) => f.rule));
    for (const r of seen) expect(LINT_RULES as readonly string[], r).toContain(r);
    expect(seen.size).toBeGreaterThanOrEqual(13);
  });

  it('words every message, fix and lab pointer in German', () => {
    const left: string[] = [];
    de.findings.forEach((f, i) => {
      const e = en.findings[i]!;
      expect(f.message, f.rule).not.toBe(e.message);
      expect(f.lab).not.toBe(e.lab);
      // A fix may be code alone (`trap 'exit 143' TERM INT; sleep infinity & wait`), the same in both.
      if (/[a-z]{4,} [a-z]{3,} [a-z]{3,}/.test(e.fix.replace(/"[^"]*"|'[^']*'|\[[^\]]*\]|`[^`]*`/g, ''))) expect(f.fix, f.rule).not.toBe(e.fix);
      // Quoted commands, paths and the shells' own names stay as they are; the sentences around them are German.
      const prose = f.message.replace(/"[^"]*"|'[^']*'|\[[^\]]*\]|`[^`]*`/g, '');
      if (ENGLISH.test(prose)) left.push(`${f.rule}: ${f.message}`);
    });
    for (const u of de.unjudged) if (ENGLISH.test(u.why.replace(/"[^"]*"/g, ''))) left.push(`not judged: ${u.why}`);
    expect(left).toEqual([]);
  });

  it('keeps rule ids in SARIF and says the language there, with German descriptions', () => {
    const sarif = lintSarif(de.findings, '0.1.0', 'de');
    const r = sarif.runs[0]!;
    expect(r.language).toBe('de');
    expect(r.results.map((x) => x.ruleId)).toEqual(en.findings.map((f) => f.rule));
    expect(r.tool.driver.rules.find((x) => x.id === 'shell-form-cmd')?.shortDescription.text).toBe('CMD in Shell-Form: die Shell bleibt PID 1');
    expect(r.results[0]!.message.text).toContain('. Lösung: ');
  });

  it('writes the text report in German', () => {
    const lines = lintText(de.findings, de.unjudged, de.linted.length, 'de');
    expect(lines.some((l) => /: (Fehler|Warnung|Hinweis) [a-z0-9-]+: /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('  Lösung: ')).length).toBe(de.findings.length);
    expect(lines.filter((l) => l.startsWith('  Lab: zombie-lab lab ')).length).toBe(de.findings.length);
    expect(lines.at(-1)).toMatch(/^\d+ Befunde \(\d+ Fehler oder Warnungen, \d+ Hinweise?\) in \d+ Dateien$/);
  });
});
