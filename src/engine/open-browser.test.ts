import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../test-support/docker-for-tests.js';
import { openerFor, openInBrowser } from './open-browser.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zl-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serve --open', () => {
  it("uses the platform's opener", () => {
    expect(openerFor('linux').cmd).toBe('xdg-open');
    expect(openerFor('darwin').args('http://127.0.0.1:8080/')).toEqual(['http://127.0.0.1:8080/']);
    expect(openerFor('win32').args('http://x/')).toEqual(['/c', 'start', '""', 'http://x/']);
  });

  it('hands the URL to xdg-open, detached', async () => {
    const seen = path.join(dir, 'seen');
    writeFileSync(path.join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${seen}'\n`);
    chmodSync(path.join(dir, 'xdg-open'), 0o755);
    expect(await openInBrowser('http://127.0.0.1:8080/?x=1', 'linux', { PATH: dir })).toBeNull();
    expect(await waitFor(() => (existsSync(seen) && readFileSync(seen, 'utf8')) || undefined, 5000, 'the opener to run')).toBe('http://127.0.0.1:8080/?x=1');
  });

  it('says in one line when there is no opener (SSH, CI), and does not throw', async () => {
    const empty = mkdtempSync(path.join(dir, 'empty-'));
    expect(await openInBrowser('http://127.0.0.1:8080/', 'linux', { PATH: empty })).toBe('could not open a browser (xdg-open: not found); open the URL yourself');
  });
});
