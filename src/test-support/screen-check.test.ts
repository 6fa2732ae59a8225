import { describe, expect, it } from 'vitest';
import { cutCells, englishOnlyLabWords, englishOnlyWords, englishOnScreen, plotHeights } from './screen-check.js';

// A screen as the app drew it before this check existed: 80 columns, border at column 36.
const row = (left: string, right: string): string => `${left.padEnd(36)}│${right}`;

describe('screen checks', () => {
  it('finds a pane row cut with "…" on either side of the border', () => {
    const screen = [row(' * 1 no init  zombies 46  …', ' 256┤'), row('', '  zombies 46  stopped i…'), row('', '   0┤'), 'hint · q qu…'].join('\n');
    expect(cutCells(screen, 80)).toHaveLength(3);
    expect(cutCells([row(' a', ' b'), row(' c', ' d')].join('\n'), 80)).toEqual([]);
  });
  it('measures plot heights from the y axis', () => {
    expect(plotHeights(['x', '256┤', '   │', '  0┤', 'y', '10┤', ' 0┤'])).toEqual([3, 2]);
  });
  it('knows the app’s English-only words and finds them on a German screen', () => {
    const en = englishOnlyWords();
    expect(en.has('stopped')).toBe(true);
    expect(en.has('docker')).toBe(false);
    expect(englishOnScreen('Zombies 3 · stopped in 0,1 s', en)).toEqual(['stopped']);
    expect(englishOnScreen('Zombies 3 · gestoppt in 0,1 s · Exit 143', en)).toEqual([]);
  });
  it('knows the lab runner’s English-only words (its texts and key table), not the German labs’ own', () => {
    const en = englishOnlyLabWords();
    expect(en.has('checking')).toBe(true);
    expect(en.has('quit')).toBe(true);
    expect(en.has('lab')).toBe(false);
    expect(englishOnScreen('prüfe… (o shows the builder’s output)', en)).toEqual(expect.arrayContaining(['shows', 'output']));
    expect(englishOnScreen('prüfe… (o zeigt die Ausgabe des Builds, 3 Zeilen)', en)).toEqual([]);
  });
});
