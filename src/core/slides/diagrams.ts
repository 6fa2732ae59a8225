/**
 * The process-lifecycle pictures of the deck (the seed's linux_procs_1..4 images), drawn as
 * box-drawing text so they work offline, on a projector and without colour: the zombie is
 * marked `<defunct>` like `ps` does, never only by colour.
 */
import type { Lang } from '../lang.js';

type Text = Record<Lang, string>;

interface ProcNode {
  pid: number;
  name: string;
  zombie?: boolean;
  /** Short arrow note after the node, explaining what just changed. */
  note?: Text;
  children?: ProcNode[];
}

interface TreeDiagram {
  root: ProcNode;
  caption: Text;
}

const worker = (pid: number, extra: Partial<ProcNode> = {}): ProcNode => ({ pid, name: 'worker', ...extra });

// The same small system in four states, so the audience can follow one process through its life.
/** The system of the first three pictures: init → sshd → bash → python3, which changes from picture to picture. */
const system = (python3: ProcNode): ProcNode => ({
  pid: 1,
  name: 'init',
  children: [{ pid: 23, name: 'sshd', children: [{ pid: 51, name: 'bash', children: [python3] }] }, { pid: 42, name: 'cron' }],
});

const DIAGRAMS = {
  processes: {
    root: system({ pid: 88, name: 'python3', children: [worker(90), worker(91)] }),
    caption: {
      de: 'Jeder Prozess hat einen Elternprozess; die Wurzel des Baums ist PID 1 (init).',
      en: 'Every process has a parent; the root of the tree is PID 1 (init).',
    },
  },
  terminated: {
    root: system({
      pid: 88,
      name: 'python3',
      children: [worker(90), worker(91, { zombie: true, note: { de: 'beendet: Zombie (Z)', en: 'exited: zombie (Z)' } })],
    }),
    caption: {
      de: 'Ein beendeter Prozess bleibt als Zombie <defunct> in der Prozesstabelle, bis sein Elternprozess wait() aufruft.',
      en: 'A process that has exited stays in the process table as a zombie <defunct> until its parent calls wait().',
    },
  },
  reaping: {
    root: system({
      pid: 88,
      name: 'python3',
      note: { de: 'wait(): Exit-Status von [91] abgeholt', en: 'wait(): collected the exit status of [91]' },
      children: [worker(90)],
    }),
    caption: {
      de: 'Reaping: der Elternprozess wartet auf das Kind (wait()), der Eintrag von [91] verschwindet.',
      en: 'Reaping: the parent waits for the child (wait()), and the entry of [91] disappears.',
    },
  },
  adoption: {
    root: {
      pid: 1,
      name: 'init',
      children: [
        { pid: 23, name: 'sshd', children: [{ pid: 51, name: 'bash' }] },
        { pid: 42, name: 'cron' },
        worker(90, { note: { de: 'Waise, von PID 1 adoptiert', en: 'orphan, adopted by PID 1' } }),
      ],
    },
    caption: {
      de: '[88] python3 ist beendet: seine Kinder werden Waisen, PID 1 adoptiert sie und muss sie später reapen.',
      en: '[88] python3 has exited: its children become orphans, PID 1 adopts them and must reap them later.',
    },
  },
} satisfies Record<string, TreeDiagram>;

export type TreeName = keyof typeof DIAGRAMS;
export const TREE_NAMES = Object.keys(DIAGRAMS) as TreeName[];

export function isTreeName(name: string): name is TreeName {
  return Object.hasOwn(DIAGRAMS, name);
}

function nodeLabel(node: ProcNode, lang: Lang): string {
  let label = `[${node.pid}] ${node.name}`;
  if (node.zombie) label += ' <defunct>';
  if (node.note) label += `  ← ${node.note[lang]}`;
  return label;
}

function drawNode(node: ProcNode, lang: Lang, prefix: string, isLast: boolean, isRoot: boolean, out: string[]): void {
  out.push(isRoot ? nodeLabel(node, lang) : `${prefix}${isLast ? '└── ' : '├── '}${nodeLabel(node, lang)}`);
  const childPrefix = isRoot ? '' : prefix + (isLast ? '    ' : '│   ');
  const children = node.children ?? [];
  children.forEach((child, i) => drawNode(child, lang, childPrefix, i === children.length - 1, false, out));
}

/** The named diagram as text lines: the tree, a blank line, then the caption. */
export function treeDiagram(name: TreeName, lang: Lang): string[] {
  const diagram: TreeDiagram = DIAGRAMS[name];
  const lines: string[] = [];
  drawNode(diagram.root, lang, '', true, true, lines);
  lines.push('', diagram.caption[lang]);
  return lines;
}
