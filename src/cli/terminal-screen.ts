/**
 * The alternate screen buffer: entered once, left exactly once on whatever path the app ends
 * (q, Ctrl-C, SIGTERM, a crash, process exit), so the shell comes back as it was.
 */
const ENTER = '\x1b[?1049h\x1b[2J\x1b[H';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface Screen {
  leave(): void;
}

export function enterAltScreen(out: NodeJS.WriteStream): Screen {
  let active = true;
  out.write(ENTER);
  const leave = (): void => {
    if (!active) return;
    active = false;
    process.off('exit', leave);
    out.write(LEAVE);
  };
  // Last line of defence: a synchronous write on exit still reaches the terminal.
  process.on('exit', leave);
  return { leave };
}
