import { describe, expect, it } from 'vitest';
import { buildDeck } from '../slides/deck.js';
import type { Deck } from '../slides/types.js';
import { deckPage, diagramSvg } from './deck-page.js';
import { lanesPage } from './lanes-page.js';

function deck(): Deck {
  const text = `---
section: Docker
---

### Demo: <zombies>

* one
* two

::: tree processes

::: lanes

Note:
Say it slowly. {claim:no-init-zombies}

---

### Second

Plain.
`;
  const r = buildDeck('en', [{ file: 'slides/en/01-a.md', text }]);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.deck;
}

describe('deckPage', () => {
  it('makes one reveal.js section per slide, with its notes as reveal notes and no claim markers', () => {
    const html = deckPage(deck(), null);
    expect(html.match(/<section[ >]/g)).toHaveLength(2);
    expect(html).toContain('<aside class="notes"><p>Say it slowly.</p>');
    expect(html).not.toContain('{claim:');
    expect(html).toContain('<h3>Demo: &lt;zombies&gt;</h3>');
    expect(html).toContain('data-section="Docker"');
  });

  it('embeds the lanes on the demo slide, following the slide, and draws the diagram as SVG', () => {
    const html = deckPage(deck(), null);
    expect(html).toMatch(/<section data-section="Docker" data-demo>/);
    expect(html).toContain('<iframe class="lanes" src="/lanes?reveal=1&amp;embed=1&amp;lang=en"');
    expect(html).toContain('<svg class="diagram"');
  });

  it('shows a pods slide (`::: lanes pods`) without lanes: the browser\'s lanes run the demo only', () => {
    const r = buildDeck('en', [{ file: 'slides/en/01-a.md', text: '### Pods\n\nThe files.\n\n::: lanes pods\n\nNote:\nSay it.\n' }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const html = deckPage(r.deck, null);
    expect(html).toContain('<h3>Pods</h3>');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('data-demo');
  });

  it('puts the token on every URL of the page when one is needed', () => {
    const html = deckPage(deck(), 'T0K');
    const urls = [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/(?:\?|&amp;)token=T0K/);
    expect(html).toContain('"run":"/run?token=T0K"');
  });
});

describe('lanesPage', () => {
  it('has a lane per mode and run/stop buttons, in the chosen language with the same actions', () => {
    const en = lanesPage({ lang: 'en', token: null, reveal: false, embedded: false });
    for (const m of ['no-init', 'dumb-init', 'init']) expect(en).toContain(`data-mode="${m}"`);
    expect(en).toContain('<button type="button" data-action="run">run</button>');
    const de = lanesPage({ lang: 'de', token: null, reveal: true, embedded: true });
    expect(de).toContain('<button type="button" data-action="run">starten</button>');
    expect(de).toContain('data-action="stop" disabled>stoppen</button>');
    expect(de).toContain('"reveal":true');
  });

  it('cannot end its config script early, whatever the words say', () => {
    const html = lanesPage({ lang: 'en', token: '</script><b>', reveal: false, embedded: false });
    expect(html).not.toContain('</script><b>');
  });
});

describe('diagramSvg', () => {
  it('escapes the text lines', () => {
    expect(diagramSvg(['a <b>', '&'])).toContain('a &lt;b&gt;</text>');
  });
});
