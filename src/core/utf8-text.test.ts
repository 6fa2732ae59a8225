import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8-text.js';

describe('decodeUtf8', () => {
  it('decodes UTF-8, umlauts included', () => {
    expect(decodeUtf8(Buffer.from('Grüße\nzwei'))).toEqual({ ok: true, text: 'Grüße\nzwei' });
  });

  it('names the line of the first byte that is not UTF-8 (here Latin-1)', () => {
    const buf = Buffer.concat([Buffer.from('one\ntwo\n'), Buffer.from('Gr\xfc\xdfe\n', 'latin1'), Buffer.from('four')]);
    expect(decodeUtf8(buf)).toEqual({ ok: false, line: 3, message: 'not valid UTF-8 text (save the file as UTF-8)' });
  });
});
