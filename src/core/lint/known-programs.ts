/**
 * What lint knows about programs and images without seeing them: which programs are inits, which
 * servers handle SIGTERM and reap their own children as PID 1, and which official images have an
 * ENTRYPOINT that passes CMD on with `exec "$@"`. Data; where an image is not listed, lint says it
 * does not know rather than guess. Pure.
 */
import { splitImageRef } from '../shell/shell-kind.js';
import { baseName } from '../shell/syntax.js';

/** PID 1 programs that reap orphans and pass signals on (or run a supervision tree that does). */
export const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init', 'podman-init', 's6-svscan', 's6-overlay', 'runsvdir', 'runit', 'runit-init', 'supervisord', 'systemd', 'init', 'my_init', 'pause', 'sinit', 'pid1', 'entrykit', 'horust', 'monit', 'multirun', 'chaperone']);

/**
 * Servers that handle their stop signal and wait for their own children as PID 1: a missing init
 * costs them nothing, so lint leaves them alone (its `no-init` note would be noise there).
 */
export const SELF_REAPING_SERVERS = new Set([
  'nginx', 'httpd', 'apache2', 'apache2-foreground', 'httpd-foreground', 'postgres', 'postmaster', 'mysqld', 'mariadbd', 'mongod',
  'redis-server', 'redis-sentinel', 'haproxy', 'memcached', 'caddy', 'traefik', 'envoy', 'openresty',
]);

/** Wrappers that exec the command after their own arguments (`gosu user cmd`). */
export const EXEC_WRAPPERS: Record<string, number> = { gosu: 1, 'su-exec': 1, setuidgid: 1, 's6-setuidgid': 1, chpst: 0, chroot: 1, nice: 0, ionice: 0, numactl: 0, taskset: 1, stdbuf: 0, env: 0, setpriv: 0 };

/** What an image's own ENTRYPOINT does with CMD. */
export type BaseEntrypoint = 'none' | 'passes' | 'init' | 'unknown';

/** Official images whose ENTRYPOINT ends in `exec "$@"` (CMD becomes PID 1) or that have none. */
const PASSES = new Set(['node', 'postgres', 'redis', 'mongo', 'mysql', 'mariadb', 'rabbitmq', 'ghost', 'wordpress', 'php', 'nginx', 'haproxy', 'cassandra', 'memcached', 'eclipse-temurin', 'docker', 'drupal', 'joomla', 'nextcloud', 'redmine', 'matomo', 'mediawiki', 'influxdb', 'telegraf', 'kong', 'zookeeper', 'solr', 'neo4j', 'couchdb', 'percona', 'registry', 'composer', 'elixir']);
const NONE = new Set(['zombie-lab/base', 'java', 'debian', 'ubuntu', 'alpine', 'busybox', 'python', 'golang', 'ruby', 'perl', 'rust', 'gcc', 'openjdk', 'amazoncorretto', 'tomcat', 'httpd', 'fedora', 'centos', 'rockylinux', 'almalinux', 'oraclelinux', 'amazonlinux', 'archlinux', 'buildpack-deps', 'maven', 'gradle', 'julia', 'erlang', 'r-base', 'swift', 'clojure', 'groovy', 'scratch', 'bitnami/minideb', 'pypy', 'haskell', 'dart', 'bash']);
const WITH_INIT = new Set(['jenkins/jenkins', 'jenkins/inbound-agent', 'elasticsearch', 'kibana', 'logstash', 'jupyter/base-notebook', 'jupyter/minimal-notebook', 'jupyter/scipy-notebook', 'phusion/baseimage', 'gitlab/gitlab-ce', 'gitlab/gitlab-ee', 'gitea/gitea', 'linuxserver/*']);

export function baseEntrypointOf(ref: string): BaseEntrypoint {
  if (!ref || ref.includes('$')) return 'unknown';
  const { name } = splitImageRef(ref);
  const short = name.replace(/^(docker\.elastic\.co\/[^/]+|quay\.io|ghcr\.io)\//, '');
  if (WITH_INIT.has(short) || WITH_INIT.has(`${short.split('/')[0] ?? ''}/*`) || /^(elasticsearch|kibana|logstash)\//.test(short)) return 'init';
  if (NONE.has(short) || /(^|\/)distroless\/(static|base|cc)(-debian\d+)?$/.test(short)) return 'none';
  if (PASSES.has(short)) return 'passes';
  return 'unknown';
}

export const isInit = (program: string) => INITS.has(baseName(program));

/** `openresty-valgrind`, `nginx-debug`: the server itself, run another way. */
export const isSelfReaping = (program: string) => SELF_REAPING_SERVERS.has(baseName(program).replace(/[-.](valgrind|debug)$/, ''));

/**
 * Names that wrappers and start scripts go by (`start-zipkin`, `docker-php-entrypoint`, `run.sh`):
 * where lint cannot read the file, it does not take such a name for the app itself.
 */
export const looksLikeWrapperName = (program: string) => /\.(sh|bash)$|^(start|run|entrypoint|docker-entrypoint|boot|launch|init|wrapper)([-_.]|$)|[-_.](entrypoint|start|run|wrapper|launcher)$/.test(baseName(program));

/**
 * Whether a `no-init` note is worth saying of this PID 1: an app, not a shell, an init, a wrapper
 * lint cannot see into, an expansion, or a server that handles SIGTERM and reaps its own children.
 */
export function wantsInit(app: string | null): app is string {
  return !!app && !app.startsWith('$') && !INITS.has(app) && !isSelfReaping(app) && !looksLikeWrapperName(app) && !/^(sh|bash|ash|dash)$/.test(app);
}
