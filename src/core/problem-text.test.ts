import { describe, expect, it } from 'vitest';
import { doingText, problemCarriedBy, problemIn, problemOf, type Doing, type ProblemKey } from './problem-text.js';
import { oldGermanTerms } from './german-terms.js';
import { uiText } from './i18n.js';

// One of each: a new problem without a sample here is a compile error (the mapped type).
const SAMPLES: { [K in ProblemKey['id']]: Extract<ProblemKey, { id: K }> } = {
  'engine-lost': { id: 'engine-lost', endpoint: 'unix:///var/run/docker.sock', why: { silentS: 1 } },
  'engine-gone': { id: 'engine-gone', endpoint: 'unix:///x', doing: { id: 'start-container', mode: 'no-init' } },
  'engine-refused': { id: 'engine-refused', doing: { id: 'build-images' }, status: 500, detail: 'No such image: x:1' },
  'engine-refused-known': { id: 'engine-refused-known', hint: 'docker-init', install: 'apt-get install tini', doing: { id: 'start-container', mode: 'init' }, detail: 'exec: "docker-init"' },
  'socket-permission': { id: 'socket-permission', socket: '/var/run/docker.sock' },
  'no-engine': { id: 'no-engine', shown: 'unix:///x (DOCKER_HOST)', fix: { kind: 'DOCKER_HOST' } },
  'engine-timeout': { id: 'engine-timeout', shown: 'tcp://10.0.0.1:2376', code: 'ETIMEDOUT', fix: { kind: 'context', context: 'vm' } },
  'engine-talk': { id: 'engine-talk', shown: 'tcp://h:1', detail: 'socket hang up', fix: { kind: 'default' } },
  'api-too-old': { id: 'api-too-old', shown: 'unix:///x', api: '1.24', min: '1.30' },
  'build-failed': { id: 'build-failed', what: { kind: 'image', name: 'zombie' }, step: 'Step 3/4 : RUN false', failure: 'code: 1' },
  'pid-budget': { id: 'pid-budget', inUse: 3072, runs: 3, wanted: 768, free: 3000, pidMax: 32768, margin: 8192 },
  'pid-budget-busy': { id: 'pid-budget-busy', holder: 4242, waitedS: 30 },
  'pid-limit-no-cgroups': { id: 'pid-limit-no-cgroups', who: 'rootless Docker 27.0', driver: 'none', rootlessOn: 1 },
  'pid-limit-unsupported': { id: 'pid-limit-unsupported', who: 'Docker 27.0' },
  'sampler-choice': { id: 'sampler-choice', detail: 'ZOMBIE_LAB_SAMPLER=x' },
  'sampler-no-reading': { id: 'sampler-no-reading', container: 'abc123', tail: null },
  'no-source': { id: 'no-source' },
  'pods-need-engine': { id: 'pods-need-engine' },
  'progress-unreadable': { id: 'progress-unreadable', file: '/home/a/.local/state/zombie-lab/progress.json', code: 'EACCES' },
  'progress-unusable': { id: 'progress-unusable', reason: 'unexpected content at version', aside: '/x/progress.json.corrupt-1' },
  'workspace-kernel': { id: 'workspace-kernel', dir: '/proc/x', root: '/proc' },
  'workspace-create': { id: 'workspace-create', dir: '/ro/zombie-lab-work', code: 'EROFS' },
  'workspace-write': { id: 'workspace-write', target: '/w/01-zombies/Dockerfile', code: 'EISDIR' },
  'lab-files-missing': { id: 'lab-files-missing', labId: 'zombies', from: '/pkg/labs/workspaces/zombies', code: 'ENOENT' },
  'no-such-container': { id: 'no-such-container', name: 'web' },
  'container-not-running': { id: 'container-not-running', name: 'web' },
  'no-such-pod': { id: 'no-such-pod', name: 'web-pod' },
  'pods-need-podman': { id: 'pods-need-podman', name: 'web-pod', engine: 'Docker' },
  'no-such-path': { id: 'no-such-path', path: 'nope/Dockerfile' },
  unexpected: { id: 'unexpected', detail: 'boom' },
};

const DOINGS: Doing[] = [
  { id: 'build-images' },
  { id: 'choose-sampler' },
  { id: 'start-containers' },
  { id: 'run-demo' },
  { id: 'start-container', mode: 'dumb-init' },
  { id: 'stop-container', mode: 'init' },
  { id: 'start-sidecar', mode: 'no-init', why: 'x' },
  { id: 'probe' },
  { id: 'scorecard' },
  { id: 'lab-check' },
  { id: 'inspect', name: 'web' },
];

/** English words of the lab's own that never belong in a German sentence (commands and engine output aside). */
const ENGLISH = /\b(the|and|while|again|stopped|answering|answers|refused|failed|building|then|cannot|needs|wait|found|reading|running|update|install it|left|more|free \(|ready|checking|asked|already|pulled|reachable|removed|earlier|whose|gone|containers: PID|each|closes|details|fixes|could not|zombies over|time \(s\)|peak|exit \d)\b/i;

describe('problem texts', () => {
  it('say each problem in German, with none of the English words', () => {
    for (const key of Object.values(SAMPLES)) {
      const en = problemIn('en', problemOf(key));
      const de = problemIn('de', problemOf(key));
      const sameOnPurpose = key.id === 'sampler-choice' || key.id === 'unexpected'; // the message is the parser's or the error's own
      if (!sameOnPurpose) expect(de.message, key.id).not.toBe(en.message);
      expect(de.fix, key.id).not.toBe(en.fix);
      if (!sameOnPurpose) expect(de.message, `${key.id}: ${de.message}`).not.toMatch(ENGLISH);
      expect(de.fix, `${key.id}: ${de.fix}`).not.toMatch(ENGLISH);
      expect(en.message.length, key.id).toBeGreaterThan(0);
    }
  });

  it('keep the English words the CLI and the logs always had', () => {
    expect(problemOf(SAMPLES['engine-lost']).message).toBe('the Docker engine at unix:///var/run/docker.sock stopped answering (no answer for 1.0 s)');
    expect(problemOf(SAMPLES['engine-gone']).message).toBe('the Docker engine at unix:///x stopped answering while starting the no-init container');
    expect(problemOf(SAMPLES['build-failed']).message).toBe('building the zombie image failed at Step 3/4 : RUN false: code: 1');
    expect(problemOf(SAMPLES['pid-budget']).message).toContain('3072 are reserved by 3 lab runs');
    expect(problemOf(SAMPLES['progress-unusable']).message).toBe('your lab progress file was unusable (unexpected content at version); starting over (the old file is kept as /x/progress.json.corrupt-1)');
    expect(problemOf(SAMPLES['workspace-write']).fix).toBe('a folder is in the way: move /w/01-zombies/Dockerfile away, then run the command again');
  });

  it('say each problem in the lesson\'s German terminology, steps in the dative', () => {
    for (const key of Object.values(SAMPLES)) {
      const de = problemIn('de', problemOf(key));
      expect(oldGermanTerms(`${de.message}\n${de.fix}`), key.id).toEqual([]);
    }
    for (const d of DOINGS) expect(oldGermanTerms(doingText('de', d)), d.id).toEqual([]);
    expect(problemIn('de', problemOf(SAMPLES['engine-gone'])).message).toBe('die Docker-Engine unter unix:///x antwortete nicht mehr beim Start des Containers no-init');
    const build = problemIn('de', problemOf({ id: 'engine-gone', endpoint: 'unix:///x', doing: { id: 'build-images' } })).message;
    expect(build).toBe('die Docker-Engine unter unix:///x antwortete nicht mehr beim Bau der Images');
  });

  it('word what the lab was doing in both languages', () => {
    for (const d of DOINGS) {
      expect(doingText('de', d), d.id).not.toBe(doingText('en', d));
      expect(doingText('de', d), d.id).not.toMatch(ENGLISH);
    }
  });

  it('say a problem without a key (an old recording) as it came, in either language', () => {
    const p = { message: 'engine went away', fix: 'restart Docker' };
    expect(problemIn('de', p)).toEqual(p);
  });

  it('carry the key along, so a LabError built from it can be said again', () => {
    const p = problemOf(SAMPLES['engine-lost']);
    expect(p.key).toEqual(SAMPLES['engine-lost']);
    expect(problemIn('de', p).message).toBe('die Docker-Engine unter unix:///var/run/docker.sock antwortet nicht mehr (1,0 s keine Antwort)');
  });
});

describe('the other engine-side words', () => {
  const en = uiText('en');
  const de = uiText('de');
  it('build notes, build ways and the sweep line in German', () => {
    const notes = [{ id: 'checking' as const }, { id: 'way' as const, tag: 'zombie-lab-base:1', way: 'offline' as const, why: { id: 'no-registry' as const, reason: 'dial tcp: lookup' } }];
    for (const n of notes) {
      expect(de.build.note(n)).not.toBe(en.build.note(n));
      expect(de.build.note(n)).not.toMatch(ENGLISH);
    }
    expect(en.build.note(notes[1] as (typeof notes)[1])).toBe('building zombie-lab-base:1 the offline way: no registry reachable (dial tcp: lookup)');
    expect(de.build.ready('zombie-lab-zombie:1', 'cached', '0,1 s')).toBe('zombie-lab-zombie:1 fertig (schon da, 0,1 s)');
    const swept = { containers: 2, dirs: 1, mounts: 1 };
    expect(en.notice.swept(swept)).toBe('removed 2 containers and 1 temporary folder or cgroup (1 mount undone) left by earlier runs whose lab process is gone');
    expect(de.notice.swept(swept)).not.toMatch(ENGLISH);
    expect(de.notice.swept({ containers: 0, dirs: 0, mounts: 0 })).toBeNull();
  });

  it('the containers list and the SVG handout in German', () => {
    const v = { kind: 'app' as const, program: 'python3', zombies: 37, signal: 'SIGTERM', endsOnSignal: false, timeoutS: 10 };
    expect(en.containers.verdict(v)).toBe('app python3 · 37 zombies · drops SIGTERM (137 after 10 s)');
    expect(de.containers.verdict(v)).toBe('Programm python3 · 37 Zombies · verwirft SIGTERM (137 nach 10 s)');
    for (const s of [de.containers.title, de.containers.loading(2, 5), de.containers.none, de.containers.details, de.containers.hidden(3), de.containers.below(3), de.containers.noFindings, de.containers.fix, de.svg.title, de.svg.timeAxis, de.svg.yAxis, de.svg.stopAt(12300), de.svg.appTitle(true)]) {
      expect(s).not.toMatch(ENGLISH);
    }
    const r = { mode: 'no-init' as const, pid1: 'python3', zombiesEnd: 200, zombiesPeak: 254, pidsUsedEnd: 256, pidsPeak: 256, pidsLimit: 256, forkFailures: 3, stopMs: 10140, exitCode: 137 };
    expect(de.svg.legend(r)).toBe('PID 1: python3, Spitze 254 Zombies, docker stop 10,14 s, Exit 137');
  });
});

describe('problemCarriedBy', () => {
  it('gives the problem an error carries', () => {
    const problem = { message: 'the engine went away', fix: 'start it again' };
    expect(problemCarriedBy(Object.assign(new Error('x'), { problem }))).toBe(problem);
  });
  it('gives null for an error without one, a malformed one, or no error at all', () => {
    expect(problemCarriedBy(new Error('plain'))).toBeNull();
    expect(problemCarriedBy({ problem: { message: 3 } })).toBeNull();
    expect(problemCarriedBy(null)).toBeNull();
    expect(problemCarriedBy('text')).toBeNull();
  });
});
