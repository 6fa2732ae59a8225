import { describe, expect, it } from 'vitest';
import { firstLine, LabError, problemOfError } from './lab-error.js';

describe('the problem an error names', () => {
  it("a LabError's own cause and fix", () => {
    expect(problemOfError(new LabError('the engine stopped', 'start it'), 'other advice')).toEqual({ message: 'the engine stopped', fix: 'start it' });
  });

  it("any other error: its first line, never a stack or the 'Error:' prefix, with the caller's fix", () => {
    const err = new Error('connect ENOENT /var/run/docker.sock\n    at Pipe.onconnect (node:net:1:1)');
    expect(problemOfError(err, 'zombie-lab doctor')).toEqual({ message: 'connect ENOENT /var/run/docker.sock', fix: 'zombie-lab doctor' });
    expect(firstLine('plain text')).toBe('plain text');
  });
});
