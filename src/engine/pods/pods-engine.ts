/** What a pods run needs of the engine before it starts: how it runs pods, and the lab's image as it names it. `pods` and the app's pods lanes alike. */
import type Docker from 'dockerode';
import { ENGINE_KINDS, type EngineKindId } from '../../core/engine-kind.js';
import type { PodsWay } from '../../core/pods/pod-run.js';
import type { RunEvent } from '../../core/run-events.js';
import { factsOf } from '../engine-facts.js';
import { readyImages } from '../images.js';

/** Podman plays the Pod YAML (kube play); any other engine runs the pause-container emulation. */
export async function podsWayOf(docker: Docker): Promise<{ way: PodsWay; kind: EngineKindId }> {
  const facts = await factsOf({ docker });
  return { way: facts.kind === 'podman' ? 'kube-play' : 'pause-container', kind: facts.kind };
}

/** The lab's zombie image, built if need be, by the tag the engine lists (taggedAsListed). */
export async function podImage(docker: Docker, kind: EngineKindId, signal: AbortSignal, onEvent?: (e: RunEvent) => void): Promise<string> {
  const { zombie } = await readyImages(docker, { signal }, onEvent);
  return taggedAsListed(docker, kind, zombie);
}

/** An image's tag as the engine lists it: Podman's kube play finds docker.io/zombie-lab/… but not the short name. */
export async function taggedAsListed(docker: Docker, kind: EngineKindId, tag: string): Promise<string> {
  const tags = (await docker.getImage(tag).inspect()).RepoTags ?? [];
  return tags.find((t) => ENGINE_KINDS[kind].normaliseTag(t) === tag) ?? tag;
}
