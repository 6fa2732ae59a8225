import type { HasLogs } from './engine-api.js';
import { describe, expect, it } from 'vitest';
import { logsOf } from './container-logs.js';

const fake = (out: Buffer | string): HasLogs => ({ logs: () => Promise.resolve(out) });

describe('logsOf', () => {
  it('reads the log buffer byte for byte (a multiplex header and non-UTF-8 bytes do not throw)', async () => {
    const header = Buffer.from([1, 0, 0, 0, 0, 0, 0, 6]);
    expect(await logsOf(fake(Buffer.concat([header, Buffer.from('hello\n'), Buffer.from([0xff])])))).toBe(`${header.toString('latin1')}hello\n\xff`);
  });
  it('takes a string answer as it is', async () => {
    expect(await logsOf(fake('app: pid 7'))).toBe('app: pid 7');
  });
  it('passes a failure on (the caller decides whether a gone container means no logs)', async () => {
    const gone: HasLogs = { logs: () => Promise.reject(new Error('no such container')) };
    await expect(logsOf(gone)).rejects.toThrow('no such container');
  });
});
