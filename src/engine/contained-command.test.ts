import { describe, expect, it } from 'vitest';
import { runContained } from './contained-command.js';

describe('runContained', () => {
  it('hands on whole lines, even when the command writes a line in pieces and a character split across writes', async () => {
    const lines: string[] = [];
    // "Grün" with its ü (c3 bc) split between two writes, and a line ending only in the third.
    const script = "printf 'I: Gr\\303'; sleep 0.2; printf '\\274n, '; sleep 0.2; printf 'fertig\\nzweite Zeile\\n'";
    await runContained('sh', ['-c', script], { onLine: (l) => lines.push(l) });
    expect(lines.filter((l) => !/^\s*$/.test(l) && (l.startsWith('I:') || l === 'zweite Zeile'))).toEqual(['I: Grün, fertig', 'zweite Zeile']);
  });
});
