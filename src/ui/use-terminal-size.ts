import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TermSize {
  columns: number;
  rows: number;
}

/** Size of the output terminal, updated on resize. Streams without a size count as 80x24. */
export function useTerminalSize(): TermSize {
  const { stdout } = useStdout();
  const read = (): TermSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = (): void => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
