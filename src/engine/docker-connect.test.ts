import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { contextDigest } from '../core/engine-endpoint.js';
import { apiAtLeast, explainConnectError, explainEngineError, resolveEndpoint } from './docker-connect.js';

describe('resolveEndpoint reads the Docker CLI context store', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'zl-ctx-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const cfg = path.join(home, '.docker');
  const addContext = (name: string, host: string, tls: boolean) => {
    const meta = path.join(cfg, 'contexts', 'meta', contextDigest(name));
    mkdirSync(meta, { recursive: true });
    writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
    if (tls) {
      const dir = path.join(cfg, 'contexts', 'tls', contextDigest(name), 'docker');
      mkdirSync(dir, { recursive: true });
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(dir, f), 'x');
    }
  };
  addContext('colima', 'unix:///home/me/.colima/default/docker.sock', false);
  addContext('remote', 'tcp://127.0.0.1:2376', true);
  writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ currentContext: 'colima' }));

  it('takes the current context from config.json when nothing else is set', () => {
    const ep = resolveEndpoint({ env: {}, home });
    expect(ep.host).toBe('unix:///home/me/.colima/default/docker.sock');
    expect(ep.reason).toEqual({ kind: 'current-context', context: 'colima', configFile: path.join(cfg, 'config.json') });
  });
  it('DOCKER_CONTEXT beats config.json, and a TLS context brings its files', () => {
    const ep = resolveEndpoint({ env: { DOCKER_CONTEXT: 'remote' }, home });
    expect(ep.host).toBe('tcp://127.0.0.1:2376');
    expect(ep.tls?.ca).toBe(path.join(cfg, 'contexts', 'tls', contextDigest('remote'), 'docker', 'ca.pem'));
    expect(ep.tlsVerify).toBe(true);
  });
  it('DOCKER_HOST beats every context', () => {
    expect(resolveEndpoint({ env: { DOCKER_HOST: 'tcp://127.0.0.1:9', DOCKER_CONTEXT: 'remote' }, home }).reason).toEqual({ kind: 'DOCKER_HOST' });
  });
  it('DOCKER_CONFIG moves the store', () => {
    expect(resolveEndpoint({ env: { DOCKER_CONFIG: path.join(home, 'nowhere') }, home }).reason).toEqual({ kind: 'default' });
  });
  it('a context that does not exist is one line with the fix', () => {
    expect(() => resolveEndpoint({ env: { DOCKER_CONTEXT: 'nope' }, home })).toThrow(/the docker context "nope" \(from DOCKER_CONTEXT\) does not exist/);
  });
});

describe('apiAtLeast', () => {
  it('compares API versions numerically, not as text', () => {
    expect(apiAtLeast('1.41', '1.30')).toBe(true);
    expect(apiAtLeast('1.30', '1.30')).toBe(true);
    expect(apiAtLeast('1.9', '1.30')).toBe(false);
    expect(apiAtLeast('2.0', '1.30')).toBe(true);
  });
});

describe('explainConnectError', () => {
  const sock = 'unix:///var/run/docker.sock';
  it('tells a permission problem apart from a missing daemon', () => {
    const perm = explainConnectError(Object.assign(new Error('connect EACCES'), { code: 'EACCES' }), sock);
    expect(perm.problem.message).toBe('permission denied on the Docker socket /var/run/docker.sock');
    expect(perm.problem.fix).toMatch(/usermod -aG docker/);
    const none = explainConnectError(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }), sock);
    expect(none.problem.message).toBe('no Docker engine answers at unix:///var/run/docker.sock');
    expect(none.problem.fix).toMatch(/setup-docker\.sh/);
  });
  it('keeps only the first line of an unknown error', () => {
    const e = explainConnectError(new Error('weird\n    at stack line'), sock);
    expect(e.problem.message).not.toContain('at stack');
  });
});

describe('explainEngineError', () => {
  it('says the engine stopped answering when the socket goes away mid-run', () => {
    const e = explainEngineError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), { id: 'start-container', mode: 'no-init' }, 'unix:///x');
    expect(e.problem.message).toBe('the Docker engine at unix:///x stopped answering while starting the no-init container');
  });
  it('passes the engine message of a refused request on, without the HTTP prefix', () => {
    const e = explainEngineError(Object.assign(new Error('(HTTP code 404) no such image'), { statusCode: 404, json: { message: 'No such image: x:1' } }), { id: 'start-containers' });
    expect(e.problem.message).toBe('the Docker engine refused starting the containers (HTTP 404): No such image: x:1');
  });
});
