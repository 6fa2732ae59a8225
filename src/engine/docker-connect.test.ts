import { describe, expect, it } from 'vitest';
import { apiAtLeast, engineEndpoint, explainConnectError, explainEngineError } from './docker-connect.js';

describe('engineEndpoint', () => {
  it('honours DOCKER_HOST and falls back to the default socket', () => {
    expect(engineEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBe('tcp://10.0.0.5:2376');
    expect(engineEndpoint({ DOCKER_HOST: '' })).toBe('unix:///var/run/docker.sock');
    expect(engineEndpoint({})).toBe('unix:///var/run/docker.sock');
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
    const e = explainEngineError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'starting the no-init container', 'unix:///x');
    expect(e.problem.message).toBe('the Docker engine at unix:///x stopped answering while starting the no-init container');
  });
  it('passes the engine message of a refused request on, without the HTTP prefix', () => {
    const e = explainEngineError(Object.assign(new Error('(HTTP code 404) no such image'), { statusCode: 404, json: { message: 'No such image: x:1' } }), 'creating');
    expect(e.problem.message).toBe('the Docker engine refused creating (HTTP 404): No such image: x:1');
  });
});
