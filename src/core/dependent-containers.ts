/**
 * Podman refuses to remove a container another one depends on (a sidecar sharing its PID
 * namespace): "container X has dependent containers which must be removed before it: Y,Z: …".
 * Docker has no such rule. The IDs named, so the lab can remove its own dependents first.
 */
export function dependentIdsOf(message: string): string[] {
  const m = /dependent containers which must be removed before it: ([0-9a-f,\s]+)/i.exec(message);
  return m ? (m[1] as string).split(',').map((s) => s.trim()).filter((s) => /^[0-9a-f]{12,64}$/.test(s)) : [];
}

/** The order to remove containers in so that none goes before one that depends on it: sidecars first. */
export function dependentsFirst<T>(items: T[], isSidecar: (item: T) => boolean): T[] {
  return [...items.filter(isSidecar), ...items.filter((x) => !isSidecar(x))];
}
