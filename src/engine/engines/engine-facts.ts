/**
 * The engine's facts, asked once per connection (two quick API calls), and the gate every
 * container passes: no container runs on an engine that would not hold it to its PID limit.
 */
import type Docker from 'dockerode';
import { LabError } from '../lab-error.js';
import { engineFactsOf, limitProblemOf, traitsOf, type InfoJson, type VersionJson } from './detect.js';
import type { EngineFacts, EngineTraits } from './types.js';

const cache = new WeakMap<Docker, Promise<EngineFacts>>();

function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} did not answer within ${ms / 1000} s`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function engineFacts(docker: Docker): Promise<EngineFacts> {
  let p = cache.get(docker);
  if (!p) {
    p = bounded(Promise.all([docker.version() as Promise<VersionJson>, docker.info() as Promise<InfoJson>]), 15_000, 'docker version / docker info').then(([v, i]) =>
      engineFactsOf(v, i),
    );
    cache.set(docker, p);
    // A failed ask is not remembered: the next container asks again.
    p.catch(() => cache.delete(docker));
  }
  return p;
}

export async function engineTraits(docker: Docker): Promise<EngineTraits> {
  return traitsOf(await engineFacts(docker));
}

/** Throws the one-line refusal when the engine would not apply a PID limit. */
export async function assertPidLimitHolds(docker: Docker): Promise<void> {
  const problem = limitProblemOf(await engineFacts(docker));
  if (problem) throw new LabError(problem.message, problem.fix);
}
