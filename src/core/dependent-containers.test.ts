import { describe, expect, it } from 'vitest';
import { dependentIdsOf, dependentsFirst } from './dependent-containers.js';

describe("Podman's dependent containers", () => {
  it('reads the IDs from the message Podman 5.4 gave when a stop auto-removed a container its sidecar depends on', () => {
    const msg =
      '(HTTP code 500) server error - container f8570296dbc7e8ab67893d67d8531a8785b9c872efdcba6baba1b054df8b19cc has dependent containers which must be removed before it: 70a7d997f20a24eba00c9d9314eeff473a93776926c971dcdd9c78d37b114a3f: container already exists';
    expect(dependentIdsOf(msg)).toEqual(['70a7d997f20a24eba00c9d9314eeff473a93776926c971dcdd9c78d37b114a3f']);
    expect(dependentIdsOf('has dependent containers which must be removed before it: aaaaaaaaaaaa,bbbbbbbbbbbb: x')).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
  });

  it('finds nothing in any other error', () => {
    expect(dependentIdsOf('(HTTP code 404) no such container - No such container: abc')).toEqual([]);
    expect(dependentIdsOf('')).toEqual([]);
  });

  it('puts sidecars before the rest, keeping each group in its order', () => {
    expect(dependentsFirst(['demo1', 'side1', 'demo2', 'side2'], (x) => x.startsWith('side'))).toEqual(['side1', 'side2', 'demo1', 'demo2']);
  });
});
