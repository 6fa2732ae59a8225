/** Content files are UTF-8: anything else is an error naming the line, never a silent U+FFFD. */
export type Decoded = { ok: true; text: string } | { ok: false; line: number; message: string };

export function decodeUtf8(buf: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    // Find the first bad byte: decode line by line.
    let start = 0;
    let line = 1;
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i <= buf.length; i++) {
      if (i === buf.length || buf[i] === 0x0a) {
        try {
          strict.decode(buf.subarray(start, i));
        } catch {
          return { ok: false, line, message: 'not valid UTF-8 text (save the file as UTF-8)' };
        }
        start = i + 1;
        line++;
      }
    }
    return { ok: false, line: 1, message: 'not valid UTF-8 text (save the file as UTF-8)' };
  }
}
