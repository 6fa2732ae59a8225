import { describe, expect, it } from 'vitest';
import { runContained, streamContained } from './contained-command.js';

describe('runContained', () => {
  it('hands on whole lines, even when the command writes a line in pieces and a character split across writes', async () => {
    const lines: string[] = [];
    // "Grün" with its ü (c3 bc) split between two writes, and a line ending only in the third.
    const script = "printf 'I: Gr\\303'; sleep 0.2; printf '\\274n, '; sleep 0.2; printf 'fertig\\nzweite Zeile\\n'";
    await runContained('sh', ['-c', script], { onLine: (l) => lines.push(l) });
    expect(lines.filter((l) => !/^\s*$/.test(l) && (l.startsWith('I:') || l === 'zweite Zeile'))).toEqual(['I: Grün, fertig', 'zweite Zeile']);
  });
});

describe('streamContained', () => {
  const collect = (s: NodeJS.ReadableStream): Promise<{ bytes: number; error: Error | null }> =>
    new Promise((resolve) => {
      let bytes = 0;
      s.on('data', (c: Buffer) => (bytes += c.length));
      s.on('end', () => resolve({ bytes, error: null }));
      s.on('error', (error: Error) => resolve({ bytes, error }));
    });

  it('passes the whole of stdout on when the command succeeds, its stderr as lines', async () => {
    const lines: string[] = [];
    const { stdout, done } = streamContained('sh', ['-c', 'head -c 300000 /dev/zero; echo I: done >&2'], { onLine: (l) => lines.push(l) });
    const [got] = await Promise.all([collect(stdout), done]);
    expect(got).toEqual({ bytes: 300000, error: null });
    expect(lines).toContain('I: done');
  });

  it('never ends the stream of a command that failed: its reader gets an error, and never the last bytes', async () => {
    const { stdout, done } = streamContained('sh', ['-c', 'head -c 300000 /dev/zero; exit 3'], { onLine: () => undefined });
    const [got, settled] = await Promise.all([collect(stdout), done.then(() => 'resolved', (e: unknown) => String(e))]);
    expect(settled).toMatch(/sh failed \(exit 3\)/);
    expect(got.error).not.toBeNull();
    expect(got.bytes).toBeLessThan(300000);
  });
});
