/**
 * /proc and /sys are the kernel's, not folders: writing the learner's state or workspace there
 * fails in odd ways or hangs (a write to some /proc files blocks). Refused at once, by path.
 */
export function underVirtualFs(absolutePath: string): '/proc' | '/sys' | null {
  for (const root of ['/proc', '/sys'] as const) if (absolutePath === root || absolutePath.startsWith(`${root}/`)) return root;
  return null;
}
