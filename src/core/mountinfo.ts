/** Mount points from /proc/PID/mountinfo (field 5, with the kernel's octal escapes undone). */
export function mountPoints(mountinfo: string): string[] {
  const out: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const field = line.split(' ')[4];
    if (field) out.push(field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
  }
  return out;
}

/** Mount points at or below `dir`, deepest first: the order to unmount them in. */
export function mountsUnder(mountinfo: string, dir: string): string[] {
  const root = dir.replace(/\/+$/, '');
  return mountPoints(mountinfo)
    .filter((m) => m === root || m.startsWith(`${root}/`))
    .sort((a, b) => b.length - a.length);
}
