import { describe, expect, it } from 'vitest';
import { parseLabFile } from './parse.js';

const FRONT = ['---', 'id: zombies', 'number: "01"', 'title: Zombies', 'summary: Watch them.', 'check: zombies', '---'];
const file = 'labs/en/01-zombies.md';
const parse = (lines: string[]) => parseLabFile(file, lines.join('\n'), 'en');

describe('parseLabFile', () => {
  it('reads steps, commands to try, hints and claim markers', () => {
    const r = parse([
      ...FRONT,
      'Intro text.',
      '',
      '## Step 1: Look',
      'Zombies pile up. {claim:no-init-zombies}',
      '```try',
      'zombie-lab compare',
      '# a comment is not a command',
      'docker ps',
      '```',
      'Hint: look at /proc.',
      '## Step 2: Fix',
      'Tipp: add an init.',
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lab.intro).toBe('Intro text.');
    expect(r.lab.steps.map((s) => [s.title, s.line])).toEqual([
      // The runner numbers steps itself, so a "Step N:" the author wrote is not repeated.
      ['Look', 10],
      ['Fix', 18],
    ]);
    expect(r.lab.steps[0]?.commands).toEqual(['zombie-lab compare', 'docker ps']);
    expect(r.lab.steps[0]?.hints).toEqual(['look at /proc.']);
    expect(r.lab.steps[0]?.body).toContain('Zombies pile up.');
    expect(r.lab.steps[0]?.body).not.toContain('{claim');
    expect(r.lab.steps[0]?.body).toContain('```sh');
    expect(r.lab.steps[1]?.hints).toEqual(['add an init.']);
    expect(r.lab.claims).toEqual([{ id: 'no-init-zombies', file, line: 11 }]);
  });

  it('names file and line for frontmatter problems', () => {
    const r = parse(['---', 'id: Zombies', 'number: 1', 'title: T', 'summary: S', 'check: nope', 'colour: red', '---', '## Step', 'x']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byLine = r.errors.map((e) => `${e.file}:${e.line}: ${e.message.split(':')[0]}`);
    expect(byLine).toEqual([
      `${file}:2: frontmatter id`,
      `${file}:3: frontmatter number`,
      `${file}:6: frontmatter check`,
      `${file}:7: unknown frontmatter key "colour"`,
    ]);
  });

  it('names the line of body problems', () => {
    const r = parse([...FRONT, 'Hint: too early', '## Step 1', '```try', '```', 'Hint:', 'bad {claim:No Such}', '```', 'never closed']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.message.slice(0, 24)])).toEqual([
      [8, 'hint before the first st'],
      [10, 'empty ```try block: put '],
      [12, 'empty hint: write the hi'],
      [13, 'malformed claim marker: '],
      [14, 'code block is not closed'],
    ]);
  });

  it('refuses a file without frontmatter or without steps', () => {
    const a = parseLabFile(file, '# Just text\n', 'en');
    expect(a.ok ? [] : a.errors.map((e) => e.line)).toEqual([1]);
    const b = parse([...FRONT, 'only an intro']);
    expect(b.ok ? [] : b.errors.map((e) => e.message)).toEqual(['a lab needs at least one step: add a heading like `## Step 1: ...`']);
  });
});

describe('claim markers in labs', () => {
  it('refuses a marker naming a claim with no experiment, as slides do', () => {
    const r = parse([...FRONT, '## Step 1', 'It reaps. {claim:no-such-claim}']);
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.message.slice(0, 35)])).toEqual([[9, 'unknown claim {claim:no-such-claim}']]);
  });
});
