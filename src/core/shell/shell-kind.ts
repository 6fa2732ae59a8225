/**
 * Which shell `/bin/sh` is, and so what `sh -c` leaves as PID 1. Three behaviours, measured with
 * Debian's packages (dash 0.5.12, bash 5.2.15, BusyBox 1.35; `real-shells.test.ts` runs them):
 * Debian's dash is patched never to exec the last command of `-c`; bash and BusyBox ash exec a
 * last simple command. An image's `/bin/sh` is read from its base: a guess from the name where the
 * image is not on the engine, said as such. Pure.
 */
import { baseName } from './syntax.js';

export type ShellKind = 'dash' | 'bash' | 'ash';

export const SHELL_LABEL: Record<ShellKind, string> = {
  dash: "Debian's dash",
  bash: 'bash',
  ash: "BusyBox's ash",
};

/** What `/bin/sh` is in an image: a shell, none at all, or not known from here. */
export interface ImageShell {
  sh: ShellKind | 'none' | 'unknown';
  /** Why we think so, for the finding's text ("node:20-alpine is Alpine: /bin/sh is BusyBox's ash"). */
  why: string;
}

const BASH_BASES = /^(fedora|centos|rockylinux|almalinux|oraclelinux|amazonlinux|archlinux|opensuse|photon|clearlinux|mageia)\b|(^|\/)(ubi\d*|ubi\d*-\w+|ubi-\w+|rhel\d*|centos-stream\d*)(:|$)/;
const DASH_BASES = /^(debian|ubuntu|buildpack-deps|kalilinux|bitnami\/minideb)$/;
const ASH_BASES = /^(alpine|busybox)$/;
/** Official images whose default tags are Debian or Ubuntu (their Alpine tags say "alpine"). */
const DEBIAN_FAMILY = new Set([
  'java', 'node', 'python', 'ruby', 'golang', 'php', 'perl', 'rust', 'gcc', 'nginx', 'httpd', 'postgres', 'redis', 'mongo', 'rabbitmq',
  'tomcat', 'eclipse-temurin', 'wordpress', 'ghost', 'haproxy', 'cassandra', 'memcached', 'mariadb', 'redmine', 'drupal',
  'nextcloud', 'jenkins/jenkins', 'elixir', 'erlang', 'julia', 'r-base', 'gradle', 'maven', 'sonarqube',
  'joomla', 'matomo', 'odoo', 'mediawiki', 'bitnami/minideb', 'solr', 'zookeeper', 'kong', 'neo4j', 'influxdb', 'telegraf',
  'chronograf', 'kapacitor', 'rocket.chat', 'swift', 'clojure', 'groovy', 'composer', 'mysql-debian',
  // The lab's own base image, built from Debian's packages.
  'zombie-lab/base',
]);
/** Official images built on Oracle Linux or Amazon Linux by default: /bin/sh is bash. */
const BASH_FAMILY = new Set(['mysql', 'amazoncorretto', 'oraclelinux']);

/** `registry:5000/library/node:20-alpine@sha256:…` → name `node`, tag `20-alpine`. */
export function splitImageRef(ref: string): { name: string; tag: string } {
  const noDigest = ref.split('@')[0] ?? ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const tag = colon > slash ? noDigest.slice(colon + 1) : 'latest';
  let name = (colon > slash ? noDigest.slice(0, colon) : noDigest).toLowerCase();
  // Drop a registry host (has a dot or port, or is localhost) and Docker Hub's library/.
  const first = name.split('/')[0] ?? '';
  if (name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) name = name.slice(first.length + 1);
  name = name.replace(/^library\//, '');
  return { name, tag: tag.toLowerCase() };
}

export function shellOfImage(ref: string): ImageShell {
  if (!ref || ref.includes('$')) return { sh: 'unknown', why: `the base image ${ref || '(none)'} is not known from here` };
  if (ref === 'scratch') return { sh: 'none', why: 'FROM scratch has no /bin/sh' };
  const { name, tag } = splitImageRef(ref);
  const full = `${name}:${tag}`;
  if (/distroless|(^|\/)static(:|$)|chainguard\/static/.test(full)) return { sh: 'none', why: `${ref} is distroless: it has no /bin/sh` };
  if (/alpine|busybox|wolfi|chainguard/.test(full) || ASH_BASES.test(name) || name === 'docker') {
    return { sh: 'ash', why: `${ref} is ${name === 'docker' ? 'built on Alpine' : /busybox/.test(full) ? 'BusyBox' : 'Alpine'}: /bin/sh is BusyBox's ash` };
  }
  if (BASH_BASES.test(name) || /(^|-)(ubi\d*|oraclelinux\d*|oracle|al2\d*|amazonlinux\d*|centos\d*|rockylinux\d*|fedora\d*)(-|$)/.test(tag)) {
    return { sh: 'bash', why: `${ref} is a Red Hat-style or Arch distribution: /bin/sh is bash` };
  }
  if (DASH_BASES.test(name) || /(^|-)(bookworm|bullseye|buster|stretch|trixie|jammy|focal|noble|bionic|debian|ubuntu|slim)(-|$)/.test(tag)) {
    return { sh: 'dash', why: `${ref} is Debian or Ubuntu: /bin/sh is dash, which never execs the command of sh -c` };
  }
  if (BASH_FAMILY.has(name)) return { sh: 'bash', why: `${ref} is built on Oracle or Amazon Linux: /bin/sh is bash` };
  if (DEBIAN_FAMILY.has(name)) return { sh: 'dash', why: `${ref} is built on Debian or Ubuntu: /bin/sh is dash, which never execs the command of sh -c` };
  return { sh: 'unknown', why: `the base image ${ref} is not known from here` };
}

/** The shell a program name runs: `sh` is the image's /bin/sh; `busybox` (as `busybox sh`) is ash. */
export function shellOfProgram(program: string, imageSh: ImageShell['sh']): ShellKind | 'unknown' | null {
  const b = baseName(program);
  if (b === 'bash') return 'bash';
  if (b === 'dash') return 'dash';
  if (b === 'ash' || b === 'busybox') return 'ash';
  if (b === 'sh') return imageSh === 'none' || imageSh === 'unknown' ? 'unknown' : imageSh;
  return null;
}

export const isShellProgram = (program: string) => /^(sh|bash|dash|ash)$/.test(baseName(program));
