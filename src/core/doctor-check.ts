/** One line of `zombie-lab doctor`. */
export interface DoctorCheck {
  name: string;
  status: 'pass' | 'fail' | 'warn' | 'info';
  detail: string;
  fix?: string;
}

const MARK: Record<DoctorCheck['status'], string> = { pass: 'ok  ', fail: 'FAIL', warn: 'warn', info: 'info' };

export function formatCheck(c: DoctorCheck): string {
  const fix = c.fix && (c.status === 'fail' || c.status === 'warn') ? `\n        fix: ${c.fix}` : '';
  return `[${MARK[c.status]}] ${c.name}: ${c.detail}${fix}`;
}

/** Node >= 20 is what ink 6 and the rest of the stack need. */
export function nodeVersionCheck(version: string): DoctorCheck {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  return major >= 20
    ? { name: 'Node.js', status: 'pass', detail: version }
    : { name: 'Node.js', status: 'fail', detail: `${version} is too old`, fix: 'install Node.js 20 or newer (https://nodejs.org)' };
}
