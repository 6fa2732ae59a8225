import { describe, expect, it } from 'vitest';
import { hintFor } from './engine-error-hints.js';

describe('hintFor', () => {
  it('turns the refusals with a known fix into one that says it', () => {
    expect(hintFor('container create: container-init binary not found on the host: stat /usr/libexec/podman/catatonit: no such file or directory')?.fix).toContain('apt-get install catatonit');
    expect(hintFor('runc create failed: error setting rlimits for ready process: error setting rlimit type 7: operation not permitted')?.fix).toContain('default_ulimits');
    expect(hintFor('no such image')).toBeNull();
  });
});
