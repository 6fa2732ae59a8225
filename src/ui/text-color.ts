/**
 * Ink's `color` prop for a colour that may be absent (the no-color theme, NO_COLOR). Ink types the
 * prop as optional, not `| undefined`, so an absent colour leaves the prop out instead of passing
 * undefined.
 */
export function fg(color: string | undefined): { color?: string } {
  return color === undefined ? {} : { color };
}
