import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers run one way: core (pure) ← engine (engines, the kernel) ← ui (Ink) ← cli (wiring).
const nodeIo = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'worker_threads', 'dgram', 'tls', 'readline', 'stream']
  .flatMap((m) => [m, `node:${m}`]);
const layer = (folder, forbidden, extra = []) => ({
  files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: extra.map((name) => ({ name, message: `src/${folder} must not do I/O or draw: keep it in src/engine or src/ui` })),
        patterns: forbidden.map((f) => ({ group: [`**/${f}/*`, `../${f}/*`, `../../${f}/*`], message: `src/${folder} must not import src/${f} (layers: core ← engine ← ui ← cli)` })),
      },
    ],
  },
});

export default tseslint.config(
  // test/real-world holds other projects' files, unchanged, as lint's inputs: not ours to lint.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/real-world/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.config.ts'] }, tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // async without await is deliberate here: a throw becomes a rejection, fakes implement async interfaces.
      '@typescript-eslint/require-await': 'off',
      // An AbortSignal's reason is typed any; rejecting with it is how an abort travels up.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    // vitest's asymmetric matchers (expect.stringMatching, expect.any…) are typed any.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  // The rules of hooks for the Ink components and hooks (calls in order, complete dependency lists).
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer('core', ['engine', 'ui', 'cli'], [...nodeIo, 'ink', 'react', 'dockerode', 'tar-fs']),
  layer('engine', ['ui', 'cli'], ['ink', 'react']),
  layer('ui', ['cli']),
  // The config files in plain JS are outside the TS project: no type information for them.
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  // serve's browser scripts (web/): the browser's globals, and the libraries the pages load before them.
  {
    files: ['web/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'fetch', 'EventSource', 'ResizeObserver', 'setInterval', 'clearInterval', 'setTimeout', 'uPlot', 'Reveal', 'RevealNotes'].map((g) => [g, 'readonly']),
      ),
    },
  },
);
