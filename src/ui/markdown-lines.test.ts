import { describe, expect, it } from 'vitest';
import { stripAnsi, visibleWidth } from '../core/text-wrap.js';
import { markdownLines } from './markdown-lines.js';


describe('markdownLines', () => {
  it('renders links in list items with their URL in both colour modes', () => {
    for (const noColor of [true, false]) {
      const rows = markdownLines('* [tini](https://github.com/krallin/tini)\n* plain', 80, noColor).map(stripAnsi);
      expect(rows).toEqual(['  * tini (https://github.com/krallin/tini)', '  * plain']);
    }
  });

  it('shows a bare URL once', () => {
    expect(markdownLines('https://blog.phusion.nl/x/', 80, true)).toEqual(['https://blog.phusion.nl/x/']);
  });

  it('never breaks a URL across rows: whole on a row of its own, shortened where it must be, and then linked whole (OSC 8)', () => {
    const url = 'https://blog.phusion.nl/2015/01/20/docker-and-the-pid-1-zombie-reaping-problem/';
    const link = `\u001b]8;;${url}\u0007`;
    for (const noColor of [true, false]) {
      for (const width of [34, 40, 60, 76, 78, 100]) {
        const rows = markdownLines(`Intro text that runs along\n\n${url}\n\n* [the post](${url}) in a list`, width, noColor);
        const shown = rows.map(stripAnsi);
        for (const r of shown) expect(visibleWidth(r), `${width}: ${r}`).toBeLessThanOrEqual(width);
        // Every row with a piece of the URL holds all of what is shown of it: no row starts with its rest.
        const pieces = shown.filter((r) => /phusion|problem\/|reaping/.test(r));
        expect(pieces, `${width}`).toHaveLength(2);
        for (const r of pieces) expect(r, `${width}: ${r}`).toMatch(/blog\.phusion\.nl\/.*problem\//);
        if (width >= 84) expect(shown).toContain(url);
        else expect(rows.filter((r) => r.includes(link)), `${width}: a shortened URL is a link to the whole`).toHaveLength(2);
      }
    }
    // At 80 columns (a 76-column slide) it loses only its scheme.
    expect(markdownLines(url, 76, true).map(stripAnsi)).toEqual(['blog.phusion.nl/2015/01/20/docker-and-the-pid-1-zombie-reaping-problem/']);
  });

  it('keeps nested lists tight when colour is on', () => {
    const rows = markdownLines('* Stage 2\n  * /etc/fix-attrs.d\n  * /etc/cont-init.d\n* Stage 3', 80, false).map(stripAnsi);
    expect(rows).toEqual(['  * Stage 2', '    * /etc/fix-attrs.d', '    * /etc/cont-init.d', '  * Stage 3']);
  });

  it('joins soft line breaks of a paragraph and wraps to the width', () => {
    const rows = markdownLines('ist ein gutes\nPattern.', 80, true);
    expect(rows).toEqual(['ist ein gutes Pattern.']);
  });

  it('continues long code lines shell-style so they stay copyable', () => {
    const rows = markdownLines('```\ndocker run --rm -ti --entrypoint dumb-init zombie python3 /root/fork.py\n```', 50, true);
    expect(rows).toEqual(['  docker run --rm -ti --entrypoint dumb-init \\', '    zombie python3 /root/fork.py']);
  });

  it('colours code only when colour is on', () => {
    expect(markdownLines('```\nls\n```', 40, false)[0]).toContain('\u001b[33m');
    expect(markdownLines('```\nls\n```', 40, true)).toEqual(['  ls']);
  });

  it('draws a rule as wide as the slide, not the terminal', () => {
    const rows = markdownLines('a\n\n***\n\nb', 30, true);
    expect(rows).toContain('─'.repeat(30));
  });

  it('never returns a row wider than asked, nor blank rows at the ends or twice in a row', () => {
    const md = '# H\n\n\n\n' + 'wort '.repeat(60) + '\n\n* ' + 'x'.repeat(100) + '\n\n';
    for (const width of [20, 33, 80]) {
      const rows = markdownLines(md, width, false);
      expect(rows.every((r) => visibleWidth(r) <= width)).toBe(true);
      expect(rows[0]).not.toBe('');
      expect(rows.at(-1)).not.toBe('');
      expect(rows.some((r, i) => r === '' && rows[i - 1] === '')).toBe(false);
    }
  });

  it('drops control characters that could smuggle terminal escapes', () => {
    expect(markdownLines('a\u0007b\u001b]0;x', 40, true)).toEqual(['ab]0;x']);
  });
});
