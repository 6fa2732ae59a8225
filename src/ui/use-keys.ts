import { useInput } from 'ink';
import { keyNames } from '../core/keymap.js';

/**
 * Each key of a terminal read, one by one, for both apps: keys typed faster than one read (a
 * burst, or keys typed while the app loaded) arrive as one string, and each must reach the
 * reducer as the key it is (keymap.ts keyNames).
 */
export function useKeys(onKey: (name: string | null) => void): void {
  useInput((input, key) => {
    for (const name of keyNames({ input, ...key })) onKey(name);
  });
}
