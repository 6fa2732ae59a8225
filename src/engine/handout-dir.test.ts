import { homedir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handoutDir, userRecordingsDir } from './handout-dir.js';

describe('handoutDir', () => {
  it('follows ZOMBIE_LAB_OUT, then XDG_DATA_HOME, then ~/.local/share; never the current folder', () => {
    expect(handoutDir({ ZOMBIE_LAB_OUT: '/tmp/h' })).toBe('/tmp/h');
    expect(handoutDir({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/zombie-lab/handouts');
    expect(handoutDir({ XDG_DATA_HOME: 'relative' })).toBe(path.join(homedir(), '.local', 'share', 'zombie-lab', 'handouts'));
    expect(handoutDir({})).not.toBe(process.cwd());
  });
});

describe('userRecordingsDir', () => {
  it('is under XDG_DATA_HOME (else ~/.local/share), never the package or the current folder', () => {
    expect(userRecordingsDir({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/zombie-lab/recordings');
    expect(userRecordingsDir({})).toBe(path.join(homedir(), '.local', 'share', 'zombie-lab', 'recordings'));
    expect(userRecordingsDir({})).not.toBe(process.cwd());
  });
});
