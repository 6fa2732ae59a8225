import { describe, expect, it } from 'vitest';
import { compareSignalLists, decodeSignalMask, parseSignalList, parseStatusMasks } from './signal-mask.js';

describe('signal masks', () => {
  it('decodes the masks python3 shows as PID 1', () => {
    expect(decodeSignalMask('0000000000000002')).toEqual(['SIGINT']);
    expect(decodeSignalMask('0000000001001000')).toEqual(['SIGPIPE', 'SIGXFSZ']);
    expect(decodeSignalMask('0000000000000000')).toEqual([]);
    expect(decodeSignalMask('8000000000000000')).toEqual(['SIGRT32']);
  });

  it('reads SigCgt, SigIgn and SigBlk from a status file', () => {
    const status = 'Name:\tpython3\nSigBlk:\t0000000000000000\nSigIgn:\t0000000001001000\nSigCgt:\t0000000000004002\n';
    expect(parseStatusMasks(status)).toEqual({ caught: ['SIGINT', 'SIGTERM'], ignored: ['SIGPIPE', 'SIGXFSZ'], blocked: [] });
    expect(parseStatusMasks('Name: x\n')).toBeNull();
  });

  it('normalises a learner list', () => {
    expect(parseSignalList('int, SIGPIPE xfsz')).toEqual(['SIGINT', 'SIGPIPE', 'SIGXFSZ']);
    expect(parseSignalList('none')).toEqual([]);
  });

  it('tells a list with one of two signals (missing) from a wrong one', () => {
    const live = ['SIGPIPE', 'SIGXFSZ'];
    expect(compareSignalLists(['SIGPIPE', 'SIGXFSZ'], live)).toEqual({ right: true, missing: 0, extra: [] });
    expect(compareSignalLists(['SIGPIPE'], live)).toEqual({ right: false, missing: 1, extra: [] });
    expect(compareSignalLists(['SIGPIPE', 'SIGTERM', 'SIGXFSZ'], live)).toEqual({ right: false, missing: 0, extra: ['SIGTERM'] });
    expect(compareSignalLists(['SIGTERM'], live)).toEqual({ right: false, missing: 2, extra: ['SIGTERM'] });
  });
});
