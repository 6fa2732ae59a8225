import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, parseSlideFile } from './parse.js';
import { lanesOn, type ParseResult, type Slide, type SlideError } from './types.js';

const FILE = 'slides/de/02-x.md';

function slidesOf(result: ParseResult): Slide[] {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.slides;
}

function errorsOf(result: ParseResult): SlideError[] {
  if (result.ok) throw new Error('expected errors, got slides');
  return result.errors;
}

const GOOD = [
  '---', //                          1
  'section: Prozesse in Linux', //   2
  '---', //                          3
  '', //                             4
  '## Prozesse in Linux', //         5
  '', //                             6
  '::: tree processes', //           7
  '', //                             8
  'Note:', //                        9
  'Baum erklären.', //               10
  '---', //                          11
  '### Demo', //                     12
  '```', //                          13
  'docker run --rm -ti zombie', //   14
  '---', //                          15 (inside code: not a separator)
  'Note: not notes either', //       16
  '::: lanes', //                    17 (inside code: not a directive)
  '```', //                          18
  '::: lanes', //                    19
  'Note: Drei Spuren zeigen.', //    20
  '', //                             21
].join('\n');

describe('parseSlideFile', () => {
  it('parses a good file into slides with section, title, line and widgets', () => {
    const slides = slidesOf(parseSlideFile(FILE, GOOD));
    expect(slides).toHaveLength(2);
    expect(slides[0]).toEqual({
      file: FILE,
      line: 5,
      section: 'Prozesse in Linux',
      title: 'Prozesse in Linux',
      body: '',
      notes: 'Baum erklären.',
      widgets: [{ kind: 'tree', name: 'processes' }],
    });
    expect(slides[1]?.line).toBe(12);
    expect(slides[1]?.title).toBe('Demo');
    expect(slides[1]?.widgets).toEqual([{ kind: 'lanes' }]);
    expect(slides[1]?.notes).toBe('Drei Spuren zeigen.');
  });

  it('keeps `---`, `Note:` and `:::` inside a code block as code', () => {
    const body = slidesOf(parseSlideFile(FILE, GOOD))[1]?.body ?? '';
    expect(body).toContain('---');
    expect(body).toContain('Note: not notes either');
    expect(body).toContain('::: lanes');
  });

  it('removes notes and directive lines from the body', () => {
    const text = ['# Titel', 'Sichtbar', '::: lanes', 'Auch sichtbar', 'Note:', 'Geheim', '', 'Noch geheim'].join('\n');
    const [slide] = slidesOf(parseSlideFile(FILE, text));
    expect(slide?.body).toBe('Sichtbar\nAuch sichtbar');
    expect(slide?.body).not.toContain('Geheim');
    expect(slide?.body).not.toContain(':::');
    expect(slide?.notes).toBe('Geheim\n\nNoch geheim');
  });

  it('gives section null without frontmatter and accepts CRLF line endings', () => {
    const [slide] = slidesOf(parseSlideFile(FILE, '## Eins\r\nText\r\n'));
    expect(slide).toMatchObject({ section: null, title: 'Eins', body: 'Text', notes: '', widgets: [] });
  });

  it('reads the title like CommonMark: closing hashes go, a `#` inside the text stays', () => {
    const titles = slidesOf(parseSlideFile(FILE, '# Eins ##\n---\n###### C#\n---\n## tl;dr')).map((s) => s.title);
    expect(titles).toEqual(['Eins', 'C#', 'tl;dr']);
  });

  it('keeps several widgets in source order', () => {
    const text = ['## A', '::: tree reaping', 'text', '::: lanes', '::: tree adoption'].join('\n');
    expect(slidesOf(parseSlideFile(FILE, text))[0]?.widgets).toEqual([
      { kind: 'tree', name: 'reaping' },
      { kind: 'lanes' },
      { kind: 'tree', name: 'adoption' },
    ]);
  });

  it('reads `::: lanes pods` as the pods\' lanes, and says which run each slide\'s lanes show', () => {
    const slides = slidesOf(parseSlideFile(FILE, ['## A', '::: lanes', '---', '## B', '::: lanes pods', '---', '## C'].join('\n')));
    expect(slides[1]?.widgets).toEqual([{ kind: 'lanes', pods: true }]);
    expect(slides.map(lanesOn)).toEqual(['demo', 'pods', null]);
  });
});

describe('parseSlideFile errors', () => {
  const cases: { name: string; lines: string[]; line: number; match: RegExp }[] = [
    { name: 'unknown directive', lines: ['## A', 'x', '::: chart'], line: 3, match: /unknown directive "::: chart"/ },
    { name: 'unknown tree name', lines: ['## A', '', '::: tree nope'], line: 3, match: /unknown tree diagram "nope"/ },
    { name: 'tree without a name', lines: ['## A', '::: tree'], line: 2, match: /exactly one diagram name/ },
    { name: 'lanes with an argument', lines: ['## A', '::: lanes 3'], line: 2, match: /takes no arguments/ },
    { name: 'lanes pods with more', lines: ['## A', '::: lanes pods 3'], line: 2, match: /takes no arguments but `pods`/ },
    { name: 'empty slide between separators', lines: ['## A', '---', '', '---', '## B'], line: 4, match: /empty slide/ },
    { name: 'trailing separator', lines: ['## A', 'x', '---'], line: 3, match: /empty slide/ },
    { name: 'empty file', lines: [''], line: 1, match: /file has no slides/ },
    { name: 'only frontmatter', lines: ['---', 'section: A', '---'], line: 3, match: /file has no slides/ },
    { name: 'separator before the first slide', lines: ['', '---', '## B'], line: 2, match: /extra `---`/ },
    { name: 'slide without heading', lines: ['## A', '---', '', 'just text'], line: 4, match: /must start with a Markdown heading/ },
    { name: 'unclosed code block', lines: ['## A', 'x', '```sh', 'echo', '---', '## B'], line: 3, match: /code block is not closed/ },
    { name: 'unclosed frontmatter', lines: ['---', 'section: A', '## A'], line: 1, match: /frontmatter is not closed/ },
    { name: 'bad YAML', lines: ['---', 'section: [a', '---', '## A'], line: 2, match: /not valid YAML/ },
    { name: 'unknown frontmatter key', lines: ['---', 'section: A', 'titel: B', '---', '## A'], line: 3, match: /unknown frontmatter key "titel"/ },
    { name: 'section not a string', lines: ['---', 'section: 3', '---', '## A'], line: 2, match: /frontmatter section/ },
    { name: 'frontmatter not a mapping', lines: ['---', '- a', '---', '## A'], line: 1, match: /must be a YAML mapping/ },
    { name: 'second Note:', lines: ['## A', 'Note: a', 'Note: b'], line: 3, match: /second `Note:`.*line 2/ },
    { name: 'directive in notes', lines: ['## A', 'Note:', '::: lanes'], line: 3, match: /inside speaker notes/ },
    { name: 'Hugo shortcode', lines: ['## A', '{{% figure src="/x.png" %}}'], line: 2, match: /Hugo shortcodes/ },
  ];

  for (const c of cases) {
    it(`${c.name}: names the file and line ${c.line}`, () => {
      const errors = errorsOf(parseSlideFile(FILE, c.lines.join('\n')));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: FILE, line: c.line });
      expect(errors[0]?.message).toMatch(c.match);
    });
  }

  it('collects every error of a file, not just the first, in line order', () => {
    const text = ['## A', '::: bogus', '---', 'no heading', '---', '## C', '::: tree nope'].join('\n');
    const errors = errorsOf(parseSlideFile(FILE, text));
    expect(errors.map((e) => e.line)).toEqual([2, 4, 7]);
  });

  it('reports frontmatter and slide errors together', () => {
    const text = ['---', 'sektion: A', '---', '## A', '::: lanes x'].join('\n');
    expect(errorsOf(parseSlideFile(FILE, text)).map((e) => e.line)).toEqual([2, 5]);
  });
});

describe('claim markers in slides', () => {
  const slide = (...lines: string[]) => ['## Zombies', ...lines].join('\n');

  it('refuses a malformed or unknown marker, naming the line, in the body, the notes, the Note: line and the heading', () => {
    const r = errorsOf(parseSlideFile(FILE, slide('Text {claim:No Such}', '', 'Note:', 'Reaped. {claim:no-such-claim}')));
    expect(r.map((e) => [e.file, e.line, e.message.slice(0, 23)])).toEqual([
      [FILE, 2, 'malformed claim marker:'],
      [FILE, 5, 'unknown claim {claim:no'],
    ]);
    expect(r[1]?.message).toMatch(/no experiment in src\/core\/claims\.ts/);
    expect(errorsOf(parseSlideFile(FILE, slide('', 'Note: see {claim :init-reaps}')))[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^malformed claim marker/) });
    expect(errorsOf(parseSlideFile(FILE, '## Title {claim:nope}\n'))[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^unknown claim \{claim:nope\}/) });
  });

  it('keeps a known marker in the notes and never projects one in the body', () => {
    const [s] = slidesOf(parseSlideFile(FILE, slide('Zombies pile up. {claim:no-init-zombies}', 'Note:', 'Say it. {claim:init-reaps}')));
    expect(s?.body).toBe('Zombies pile up.');
    expect(s?.notes).toBe('Say it. {claim:init-reaps}');
  });

  it('leaves markers inside code blocks alone', () => {
    expect(slidesOf(parseSlideFile(FILE, slide('```', 'echo {claim:whatever}', '```')))[0]?.body).toContain('{claim:whatever}');
  });
});

describe('what cannot be a slide (issue 22 row 6)', () => {
  it('refuses a line of a million characters with its file and line, at once', () => {
    const text = `## Title\n\nText.\n${'x'.repeat(1_000_000 - 100)}\nNote: n\n`;
    const errors = errorsOf(parseSlideFile(FILE, text));
    expect(errors).toEqual([{ file: FILE, line: 4, message: expect.stringMatching(/^line is 999,900 characters long, more than a slide can show \(10,000\): break it/) as unknown as string }]);
  });
  it('refuses a file over a million characters, and takes a line of exactly the limit', () => {
    expect(errorsOf(parseSlideFile(FILE, `## T\n${'ab\n'.repeat(400_000)}`))[0]?.message).toMatch(/^file is 1,200,005 characters long/);
    expect(slidesOf(parseSlideFile(FILE, `## T\n${'y'.repeat(MAX_LINE_CHARS)}\n`))[0]?.body).toHaveLength(MAX_LINE_CHARS);
  });
  it('names every over-long line (up to five), CR LF files too', () => {
    const long = 'z'.repeat(MAX_LINE_CHARS + 1);
    const errors = errorsOf(parseSlideFile(FILE, `## T\r\n${long}\r\nok\r\n${long}\r\n`));
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
  });
});
