import { describe, expect, it } from 'vitest';
import { teachingUnits, unclaimedStatements } from './claims-coverage.js';

const lab = [
  '---',
  'summary: Why docker stop takes ten seconds (SIGTERM)',
  '---',
  '',
  'PID 1 ignores SIGTERM without a handler. {claim:pid1-ignores-sigterm}',
  '',
  'Run it and watch:',
  '',
  '```try',
  'docker stop -t 5 lab03 # SIGTERM, then SIGKILL',
  '```',
  '',
  'An init forwards the signal:',
  'the stop ends with 143.',
  'Hint: Not PID 1? Then SIGTERM kills it.',
  'Hint: The exit code is 137. {claim:pid1-ignores-sigterm}',
].join('\n');

describe('teaching statements without a claim', () => {
  it('splits a lab into paragraphs and hint lines, leaving out front matter and code', () => {
    expect(teachingUnits(lab, 'labs').map((u) => u.line)).toEqual([5, 7, 13, 15, 16]);
  });

  it('reports a paragraph or hint that names a signal, an exit code or an init and has no marker', () => {
    expect(unclaimedStatements(lab, 'labs', []).map((u) => u.line)).toEqual([13, 15]);
    expect(unclaimedStatements(lab, 'labs', [{ match: /^Hint: Not PID 1/, reason: 'test' }]).map((u) => u.line)).toEqual([13]);
  });

  it('takes a slide as one unit: a marker in its notes covers its bullets', () => {
    const deck = '### Docker\n\n* PID 1 ignores SIGTERM\n\nNote:\nIt has no handler. {claim:pid1-ignores-sigterm}\n\n---\n\n### tl;dr\n\nUse an init.\n';
    expect(teachingUnits(deck, 'slides')).toHaveLength(2);
    expect(unclaimedStatements(deck, 'slides', []).map((u) => u.text.trim().split('\n')[0])).toEqual(['### tl;dr']);
  });

  it('leaves alone text that teaches none of these', () => {
    expect(unclaimedStatements('Write the number into answers.txt.\n\nHint: The variant ids are in answers.txt.', 'labs', [])).toEqual([]);
  });
});
