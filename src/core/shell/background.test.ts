import { describe, expect, it } from 'vitest';
import { leftInBackground } from './background.js';

describe('leftInBackground', () => {
  it.each([
    ['sleep 3 & sleep 2', 'sleep 3'],
    ['pg_isready & exit 0', 'pg_isready'],
    ['if true; then (curl -s localhost) & fi; echo ok', '(curl -s localhost)'],
  ])('%s leaves %s running', (script, child) => {
    expect(leftInBackground(script)).toBe(child);
  });

  it.each(['pg_isready -U postgres', 'test -f /tmp/ready && curl -sf localhost:8080/health', 'a || b', 'sleep 3 & wait', 'x & y & wait'])('%s leaves nothing', (script) => {
    expect(leftInBackground(script)).toBeNull();
  });
});
