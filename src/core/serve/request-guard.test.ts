import { describe, expect, it } from 'vitest';
import { allowedHosts, checkRequest, clip, sameSecret, type GuardPolicy } from './request-guard.js';

const loopback: GuardPolicy = { hosts: allowedHosts(['127.0.0.1'], 8080), token: null, maxUrlLength: 2048 };
const wide: GuardPolicy = { hosts: allowedHosts(['192.168.1.5'], 8080), token: 's3cret', maxUrlLength: 2048 };
const req = (over: Partial<Parameters<typeof checkRequest>[0]> = {}) => ({ method: 'GET', url: '/', host: '127.0.0.1:8080', origin: undefined, ...over });

describe('checkRequest', () => {
  it('routes the pages, the events, the actions and the named assets', () => {
    expect(checkRequest(req(), loopback)).toMatchObject({ ok: true, route: 'deck' });
    expect(checkRequest(req({ url: '/lanes?reveal=1' }), loopback)).toMatchObject({ ok: true, route: 'lanes' });
    expect(checkRequest(req({ url: '/events' }), loopback)).toMatchObject({ ok: true, route: 'events' });
    expect(checkRequest(req({ method: 'POST', url: '/run' }), loopback)).toMatchObject({ ok: true, route: 'run' });
    expect(checkRequest(req({ method: 'POST', url: '/stop' }), loopback)).toMatchObject({ ok: true, route: 'stop' });
    expect(checkRequest(req({ url: '/assets/lanes.js' }), loopback)).toMatchObject({ ok: true, route: 'asset', path: '/assets/lanes.js' });
  });

  it('accepts every loopback spelling of the Host, and no other name (DNS rebinding)', () => {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'LOCALHOST:8080']) expect(checkRequest(req({ host }), loopback).ok).toBe(true);
    for (const host of ['evil.example:8080', '127.0.0.1:9090', '127.0.0.1', undefined]) expect(checkRequest(req({ host }), loopback)).toMatchObject({ ok: false, status: 421 });
  });

  it('refuses a page of another site, and lets a tool without Origin in', () => {
    expect(checkRequest(req({ method: 'POST', url: '/run', origin: 'http://evil.example' }), loopback)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req({ method: 'POST', url: '/run', origin: 'null' }), loopback)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req({ url: '/events', origin: 'https://127.0.0.1:8080' }), loopback)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req({ method: 'POST', url: '/run', origin: 'http://localhost:8080' }), loopback).ok).toBe(true);
  });

  it('needs the token on every request beyond loopback', () => {
    const host = '192.168.1.5:8080';
    expect(checkRequest(req({ host }), wide)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req({ host, url: '/assets/lanes.js?token=wrong' }), wide)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req({ host, url: '/assets/lanes.js?token=s3cret' }), wide).ok).toBe(true);
    expect(checkRequest(req({ host, url: '/events?token=s3cret' }), wide).ok).toBe(true);
  });

  it('refuses paths, methods and sizes it does not serve, with the right status', () => {
    expect(checkRequest(req({ url: '/assets/../package.json' }), loopback)).toMatchObject({ ok: false, status: 404 });
    expect(checkRequest(req({ url: '/assets/%2e%2e%2fpackage.json' }), loopback)).toMatchObject({ ok: false, status: 404 });
    expect(checkRequest(req({ url: '/run' }), loopback)).toMatchObject({ ok: false, status: 405 });
    expect(checkRequest(req({ method: 'POST', url: '/lanes' }), loopback)).toMatchObject({ ok: false, status: 405 });
    expect(checkRequest(req({ method: 'DELETE' }), loopback)).toMatchObject({ ok: false, status: 405 });
    expect(checkRequest(req({ url: `/?${'a'.repeat(3000)}` }), loopback)).toMatchObject({ ok: false, status: 414 });
  });
});

describe('helpers', () => {
  it('compares secrets of any length', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });

  it('keeps what a client sent to one short line', () => {
    expect(clip('a\nb\x1b[31m')).toBe('a?b?[31m');
    expect(clip('x'.repeat(200))).toHaveLength(80);
  });
});
