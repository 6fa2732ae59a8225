/** The bottom line (issue 22 row 12): the key hints never run into the slide counter, in either language, at any width. */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { plain } from '../test-support/ink-frames.js';
import { initialState } from '../core/app-state.js';
import { uiText } from '../core/i18n.js';
import { makeTheme } from '../core/theme.js';
import { HintLine } from './hint-line.js';

afterEach(() => cleanup());

describe('HintLine', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: at least three spaces before the slide counter at every width from 80 to 220`, () => {
      const t = uiText(lang);
      const state = { ...initialState({ slideCount: 14, replay: true }), slide: 9 };
      for (let width = 80; width <= 220; width++) {
        const { lastFrame, unmount } = render(<HintLine state={state} width={width} theme={makeTheme('default', true)} t={t} onLanesSlide={false} />);
        const line = plain(lastFrame() ?? '');
        const counter = `${t.replay} · ${t.slideCounter(10, 14)}`;
        expect(line.endsWith(counter), `${width}: ${line}`).toBe(true);
        expect(line.slice(0, -counter.length), `${width}: ${line}`).toMatch(/\S {3,}$/);
        unmount();
      }
    });
  }
});
