#!/usr/bin/env node
// A tmux capture with colours (`tmux capture-pane -e -p`) drawn as an SVG picture of the
// terminal, cell by cell, to turn into a PNG (ImageMagick `convert x.svg x.png`) and look at.
// Usage: node scripts/screen-to-svg.mjs capture.ansi > screen.svg && rsvg-convert screen.svg -o screen.png
import { readFileSync } from 'node:fs';
import process from 'node:process';

const PALETTE = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5', '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff'];
const FG = '#e5e5e5';
const BG = '#000000';
const CW = 10;
const CH = 20;

const text = readFileSync(process.argv[2] ?? 0, 'utf8');
const lines = text.replace(/\n$/, '').split('\n');
let st = { fg: null, bg: null, bold: false, inverse: false };
const rows = lines.map((line) => {
  const cells = [];
  // eslint-disable-next-line no-control-regex -- reading SGR escapes is the point
  const re = /\x1b\[([0-9;]*)m|([\s\S])/gu;
  for (const m of line.matchAll(re)) {
    if (m[1] !== undefined) {
      const codes = m[1] === '' ? [0] : m[1].split(';').map(Number);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (c === 0) st = { fg: null, bg: null, bold: false, inverse: false };
        else if (c === 1) st = { ...st, bold: true };
        else if (c === 22) st = { ...st, bold: false };
        else if (c === 7) st = { ...st, inverse: true };
        else if (c === 27) st = { ...st, inverse: false };
        else if (c >= 30 && c <= 37) st = { ...st, fg: PALETTE[c - 30] };
        else if (c >= 90 && c <= 97) st = { ...st, fg: PALETTE[c - 90 + 8] };
        else if (c === 39) st = { ...st, fg: null };
        else if (c >= 40 && c <= 47) st = { ...st, bg: PALETTE[c - 40] };
        else if (c >= 100 && c <= 107) st = { ...st, bg: PALETTE[c - 100 + 8] };
        else if (c === 49) st = { ...st, bg: null };
        else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
          const n = codes[i + 2] ?? 7;
          const col = PALETTE[n] ?? FG;
          st = c === 38 ? { ...st, fg: col } : { ...st, bg: col };
          i += 2;
        }
      }
      continue;
    }
    cells.push({ ch: m[2], ...st });
  }
  return cells;
});
const cols = Math.max(...rows.map((r) => r.length), 1);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * CW}" height="${rows.length * CH}" font-family="DejaVu Sans Mono" font-size="15">`;
out += `<rect width="100%" height="100%" fill="${BG}"/>`;
rows.forEach((r, y) => {
  r.forEach((c, x) => {
    let fg = c.fg ?? FG;
    let bg = c.bg;
    if (c.inverse) [fg, bg] = [bg ?? BG, c.fg ?? FG];
    if (bg) out += `<rect x="${x * CW}" y="${y * CH}" width="${CW}" height="${CH}" fill="${bg}"/>`;
    if (c.ch !== ' ') out += `<text x="${x * CW}" y="${y * CH + 15}" fill="${fg}"${c.bold ? ' font-weight="bold"' : ''}>${esc(c.ch)}</text>`;
  });
});
out += '</svg>\n';
process.stdout.write(out);
