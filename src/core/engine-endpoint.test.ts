import { describe, expect, it } from 'vitest';
import { chooseContext, contextDigest, defaultEndpoint, describeEndpoint, hungAfterMs, modemOptions, parseContextMeta, wellKnownSockets } from './engine-endpoint.js';

describe('chooseContext follows the Docker CLI order', () => {
  it('DOCKER_HOST, then DOCKER_CONTEXT, then config.json, then the default', () => {
    expect(chooseContext({ DOCKER_HOST: 'tcp://x:1', DOCKER_CONTEXT: 'a' }, 'b', 'cfg').context).toBeNull();
    expect(chooseContext({ DOCKER_CONTEXT: 'a' }, 'b', 'cfg')).toEqual({ context: 'a', reason: { kind: 'DOCKER_CONTEXT', context: 'a' } });
    expect(chooseContext({}, 'b', 'cfg')).toEqual({ context: 'b', reason: { kind: 'current-context', context: 'b', configFile: 'cfg' } });
    expect(chooseContext({}, undefined, 'cfg')).toEqual({ context: null, reason: { kind: 'default' } });
  });
  it('the context named default is the default endpoint', () => {
    expect(chooseContext({ DOCKER_CONTEXT: 'default' }, 'b', 'cfg').context).toBeNull();
    expect(chooseContext({}, 'default', 'cfg').context).toBeNull();
  });
});

describe('the context store', () => {
  it('keys contexts by the SHA-256 of the name, as docker context create does', () => {
    // The digest `docker context create default-ish` would use: sha256("colima").
    expect(contextDigest('colima')).toMatch(/^[0-9a-f]{64}$/);
    expect(contextDigest('colima')).not.toBe(contextDigest('Colima'));
  });
  it('reads the docker endpoint of a meta.json and says what is wrong with a broken one', () => {
    expect(parseContextMeta('{"Name":"c","Endpoints":{"docker":{"Host":"ssh://me@box","SkipTLSVerify":true}}}')).toEqual({ name: 'c', host: 'ssh://me@box', skipTlsVerify: true });
    expect(parseContextMeta('{"Name":"c","Endpoints":{}}')).toEqual({ error: 'context c has no docker endpoint' });
    expect(parseContextMeta('not json')).toEqual({ error: 'meta.json is not JSON' });
  });
});

describe('defaultEndpoint', () => {
  it('takes DOCKER_TLS_VERIFY and DOCKER_CERT_PATH like the CLI', () => {
    const ep = defaultEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, '/home/me');
    expect(ep.tls).toEqual({ ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' });
    expect(ep.tlsVerify).toBe(true);
    expect(defaultEndpoint({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }, '/home/me').tls?.ca).toBe('/home/me/.docker/ca.pem');
  });
  it('a host without a scheme is tcp, and no DOCKER_HOST is the default socket', () => {
    expect(defaultEndpoint({ DOCKER_HOST: '127.0.0.1:2375' }, '/h').host).toBe('tcp://127.0.0.1:2375');
    expect(defaultEndpoint({}, '/h')).toEqual({ host: 'unix:///var/run/docker.sock', reason: { kind: 'default' } });
  });
});

describe('modemOptions', () => {
  it('unix, plain tcp, TLS tcp and ssh', () => {
    expect(modemOptions({ host: 'unix:///run/x.sock', reason: { kind: 'default' } })).toEqual({ socketPath: '/run/x.sock' });
    expect(modemOptions({ host: 'tcp://127.0.0.1:2375', reason: { kind: 'DOCKER_HOST' } })).toEqual({ protocol: 'http', host: '127.0.0.1', port: 2375 });
    const ca = Buffer.from('ca');
    expect(modemOptions({ host: 'tcp://127.0.0.1:4000', reason: { kind: 'DOCKER_HOST' }, tls: { ca: '/x' }, tlsVerify: true }, { ca })).toEqual({ protocol: 'https', host: '127.0.0.1', port: 4000, ca });
    expect(modemOptions({ host: 'ssh://me@box:2222', reason: { kind: 'DOCKER_HOST' } }, {}, { SSH_AUTH_SOCK: '/agent' })).toEqual({ protocol: 'ssh', host: 'box', port: 2222, username: 'me', sshOptions: { agent: '/agent' } });
  });
  it('refuses an address it cannot use', () => {
    expect(() => modemOptions({ host: 'ftp://x', reason: { kind: 'DOCKER_HOST' } })).toThrow(/unsupported engine address/);
  });
});

describe('wellKnownSockets and describeEndpoint', () => {
  it('lists the desktop engines first, then rootless Docker and Podman', () => {
    const names = wellKnownSockets({ XDG_RUNTIME_DIR: '/run/user/1000' }, '/home/me', 1000).map((s) => `${s.name}=${s.path}`);
    expect(names[0]).toBe('Docker Desktop=/home/me/.docker/run/docker.sock');
    expect(names).toContain('rootless Docker=/run/user/1000/docker.sock');
    expect(names).toContain('Podman=/run/podman/podman.sock');
    expect(names.at(-1)).toBe('Podman (rootless)=/run/user/1000/podman/podman.sock');
  });
  it('names the endpoint and why', () => {
    expect(describeEndpoint({ host: 'unix:///c.sock', reason: { kind: 'DOCKER_CONTEXT', context: 'colima' } })).toBe('unix:///c.sock (context colima, from DOCKER_CONTEXT)');
    expect(describeEndpoint({ host: 'unix:///d.sock', reason: { kind: 'well-known', name: 'Docker Desktop' } })).toMatch(/Docker Desktop's socket/);
  });
  it('says why in German for the German app', () => {
    expect(describeEndpoint({ host: 'unix:///var/run/docker.sock', reason: { kind: 'default' } }, 'de')).toBe('unix:///var/run/docker.sock (der Standard-Socket)');
    expect(describeEndpoint({ host: 'unix:///c.sock', reason: { kind: 'DOCKER_CONTEXT', context: 'colima' } }, 'de')).toBe('unix:///c.sock (Kontext colima, aus DOCKER_CONTEXT)');
    expect(describeEndpoint({ host: 'unix:///var/run/docker.sock', reason: { kind: 'default' } })).toBe('unix:///var/run/docker.sock (the default socket)');
  });
});

describe('hungAfterMs', () => {
  it('calls a silent local socket hung after a second, another machine after six', () => {
    expect(hungAfterMs('unix:///var/run/docker.sock')).toBe(1000);
    expect(hungAfterMs('npipe:////./pipe/docker_engine')).toBe(1000);
    expect(hungAfterMs('tcp://127.0.0.1:2376')).toBe(6000);
    expect(hungAfterMs('127.0.0.1:2375')).toBe(6000);
    expect(hungAfterMs('ssh://me@host')).toBe(6000);
  });
});
