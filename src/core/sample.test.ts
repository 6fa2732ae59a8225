import { describe, expect, it } from 'vitest';
import { confirmedZombies } from './sample.js';

describe('confirmedZombies', () => {
  it('drops a reading seen on one tick only', () => {
    const readings = [0, 0, 1, 0, 0, 2, 0];
    const shown = readings.map((r, i) => confirmedZombies(i === 0 ? undefined : readings[i - 1], r));
    expect(shown).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('shows the first reading as it is: nothing came before to confirm it', () => {
    expect(confirmedZombies(undefined, 7)).toBe(7);
  });

  it('follows a pile one tick late, and a drop at once', () => {
    const readings = [0, 3, 6, 9, 12, 0];
    const shown = readings.map((r, i) => confirmedZombies(i === 0 ? undefined : readings[i - 1], r));
    expect(shown).toEqual([0, 0, 3, 6, 9, 0]);
  });
});
