import { describe, expect, it } from 'vitest';
import { mountPoints, mountsUnder } from './mountinfo.js';

const INFO = [
  '22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw',
  '90 22 0:5 / /tmp/zombie-lab-build-7-9-abc/root/proc rw - proc proc rw',
  '91 90 0:6 / /tmp/zombie-lab-build-7-9-abc/root/proc/sys/fs/binfmt_misc rw - binfmt_misc x rw',
  '92 22 0:7 / /tmp/zombie-lab-build-7-9-abcdef/root/dev rw - devtmpfs udev rw',
  '93 22 0:8 / /tmp/with\\040space rw - tmpfs tmpfs rw',
  '',
].join('\n');

describe('mountinfo', () => {
  it('reads mount points, undoing the octal escapes', () => {
    expect(mountPoints(INFO)).toContain('/tmp/with space');
  });

  it('lists the mounts below a folder deepest first, and not those of a folder that only shares its prefix', () => {
    expect(mountsUnder(INFO, '/tmp/zombie-lab-build-7-9-abc/')).toEqual([
      '/tmp/zombie-lab-build-7-9-abc/root/proc/sys/fs/binfmt_misc',
      '/tmp/zombie-lab-build-7-9-abc/root/proc',
    ]);
  });
});
