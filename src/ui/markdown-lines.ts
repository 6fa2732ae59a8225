/**
 * Slide Markdown to terminal rows, via marked + marked-terminal, for a projector: links show
 * their URL (nobody can click a projected link), code blocks are indented and never
 * syntax-guessed, every row fits the width, and noColor yields plain text.
 */
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import { markedTerminal, type TerminalRendererOptions } from 'marked-terminal';
import { osc8Link, stripAnsi, stripColour, urlToFit, wrapLine, wrapText } from '../core/text-wrap.js';

const CODE_INDENT = '  ';
// C0/C1 control characters could smuggle terminal escape sequences in from slide text.
// eslint-disable-next-line no-control-regex -- these are exactly what must be removed
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const YELLOW = '\u001b[33m';
const YELLOW_OFF = '\u001b[39m';

const plain = (text: string) => text;

// With noColor every style is the identity, so nothing but text leaves marked-terminal.
const NO_COLOR_STYLES: TerminalRendererOptions = {
  code: plain,
  blockquote: plain,
  html: plain,
  heading: plain,
  firstHeading: plain,
  hr: plain,
  listitem: plain,
  table: plain,
  paragraph: plain,
  strong: plain,
  em: plain,
  codespan: plain,
  del: plain,
  link: plain,
  href: plain,
};

/** Code lines too long for the row are continued shell-style with ` \\`, so they stay copyable. */
function codeRows(text: string, width: number): string[] {
  const room = Math.max(8, width - CODE_INDENT.length - 2);
  return text.split('\n').flatMap((line) =>
    wrapLine(line, room).map((row, i, all) => (i > 0 ? '  ' : '') + row + (i < all.length - 1 ? ' \\' : '')),
  );
}

function projectorOverrides(width: number, noColor: boolean): MarkedExtension {
  return {
    renderer: {
      text(token: Tokens.Text | Tokens.Escape) {
        // marked-terminal 7 prints a tight list item's raw text, so `[a](b)` in bullets would
        // stay as source; render the inline tokens instead.
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        // Soft line breaks inside a paragraph are spaces; rows are wrapped to the width later.
        return token.text.replace(CONTROL_CHARS, '').replace(/\n/g, ' ');
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const bare = stripAnsi(text) === token.href;
        // Never broken across rows: sized to a row of its own (a list's indent, and the parentheses
        // after a link's text, taken off), cut where it must be and then still a click away (OSC 8).
        const shown = urlToFit(token.href, Math.max(12, width - (bare ? 4 : 6)));
        const url = shown === token.href ? shown : osc8Link(token.href, shown);
        return bare ? url : `${text} (${url})`;
      },
      hr() {
        // marked-terminal sizes rules to the whole terminal, not to the slide.
        return `${'─'.repeat(width)}\n\n`;
      },
      code(token: Tokens.Code) {
        const rows = codeRows(token.text.replace(CONTROL_CHARS, ''), width);
        const lines = rows.map((l) => CODE_INDENT + (noColor ? l : `${YELLOW}${l}${YELLOW_OFF}`));
        return `${lines.join('\n')}\n\n`;
      },
    },
  };
}

const instances = new Map<string, Marked>();

function markedFor(width: number, noColor: boolean): Marked {
  const key = `${width}:${noColor}`;
  let marked = instances.get(key);
  if (!marked) {
    const options: TerminalRendererOptions = {
      width,
      showSectionPrefix: false,
      emoji: false,
      reflowText: false, // wrapping is done afterwards, so row counts are exact
      tab: 2,
      // chalk.reset around list items leaves invisible codes on "blank" rows, which then
      // survive marked-terminal's blank-row filter and space nested lists apart.
      listitem: plain,
      paragraph: plain,
      table: plain,
      ...(noColor ? NO_COLOR_STYLES : {}),
    };
    marked = new Marked(markedTerminal(options), projectorOverrides(width, noColor));
    if (instances.size > 16) instances.clear(); // a resizing terminal must not grow this forever
    instances.set(key, marked);
  }
  return marked;
}

/** Rendered rows, each at most `width` columns, without leading/trailing or doubled blank rows. */
export function markdownLines(markdown: string, width: number, noColor: boolean): string[] {
  if (markdown.trim() === '') return [];
  let out = markedFor(width, noColor).parse(markdown, { async: false });
  // Safety net: table borders and the like may still carry colour from marked-terminal's chalk
  // (colour only: a cut URL's OSC 8 link is no colour, and stays).
  if (noColor) out = stripColour(out);
  const rows: string[] = [];
  for (const row of wrapText(out.replace(/\s+$/, ''), width)) {
    const blank = stripAnsi(row).trim() === '';
    if (blank && (rows.length === 0 || rows.at(-1) === '')) continue;
    rows.push(blank ? '' : row);
  }
  return rows;
}
