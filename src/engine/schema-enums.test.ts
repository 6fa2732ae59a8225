/**
 * The JSON Schemas in docs/ list ids that the code's catalogs own (modes, scorecard variants, inits,
 * inspect's findings and categories, sample sources, lint's rules, the languages). Each enum is derived from its catalog: this test
 * fails when they differ, and ZOMBIE_LAB_WRITE_SCHEMAS=1 writes the catalog's list into the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_TEXT } from '../core/i18n.js';
import { FAIL_CATEGORIES, FINDING_IDS } from '../core/inspect/diagnosis.js';
import { INIT_IDS } from '../core/inspect/pid1-kind.js';
import { POD_ROLES } from '../core/inspect/pod-report.js';
import { LINT_RULES } from '../core/lint/lint-text.js';
import { LANGS } from '../core/lang.js';
import { MODE_IDS } from '../core/modes.js';
import { VARIANT_IDS } from '../core/scorecard.js';
import { PACKAGE_ROOT } from './package-paths.js';

const SOURCES = Object.keys(UI_TEXT.en.sourceShort);

/** [schema file in docs/, JSON pointer to the node holding `enum`, the catalog's list]. */
const DERIVED: [string, string, readonly (string | null)[]][] = [
  ['compare.schema.json', '/properties/options/properties/modes/items', MODE_IDS],
  ['compare.schema.json', '/properties/series/propertyNames', MODE_IDS],
  ['compare.schema.json', '/$defs/modeResult/properties/mode', MODE_IDS],
  ['compare.schema.json', '/$defs/event/oneOf/2/properties/mode', MODE_IDS],
  ['compare.schema.json', '/$defs/event/oneOf/3/properties/mode', MODE_IDS],
  ['compare.schema.json', '/$defs/sourceEvent/properties/source', SOURCES],
  ['compare.schema.json', '/$defs/sourceStats/properties/source', SOURCES],
  ['scorecard.schema.json', '/properties/variants/items/properties/id', VARIANT_IDS],
  ['scorecard.schema.json', '/properties/rows/items/properties/variant', VARIANT_IDS],
  ['inspect.schema.json', '/properties/failOn/oneOf/1/items', FAIL_CATEGORIES],
  ['inspect.schema.json', '/$defs/finding/properties/category', FAIL_CATEGORIES],
  ['inspect.schema.json', '/$defs/finding/properties/id', FINDING_IDS],
  ['inspect.schema.json', '/$defs/container/properties/pid1/properties/init', [...INIT_IDS, null]],
  ['inspect.schema.json', '/properties/lang', LANGS],
  ['inspect.schema.json', '/properties/pod/properties/members/items/properties/role', POD_ROLES],
  ['lint.schema.json', '/properties/lang', LANGS],
  ['lint.schema.json', '/properties/findings/items/properties/rule', LINT_RULES],
  ['serve-events.schema.json', '/$defs/mode', MODE_IDS],
  ['serve-events.schema.json', '/$defs/sample/properties/source', SOURCES],
  ['serve-events.schema.json', '/$defs/runEvent/oneOf/2/properties/source', SOURCES],
];

type Json = { [k: string]: unknown };

function nodeAt(doc: Json, pointer: string): Json {
  let node: unknown = doc;
  for (const part of pointer.split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node || typeof node !== 'object') throw new Error(`${pointer} names nothing in the schema`);
  return node as Json;
}

describe('the schemas in docs/ derive their id lists from the catalogs', () => {
  const files = [...new Set(DERIVED.map(([f]) => f))];
  it.each(files)('%s', (file) => {
    const full = path.join(PACKAGE_ROOT, 'docs', file);
    const text = readFileSync(full, 'utf8');
    const doc = JSON.parse(text) as Json;
    // The same ids, in any order: the schema's order is for its readers.
    const sorted = (xs: readonly unknown[]) => [...xs].map(String).sort();
    let changed = false;
    for (const [f, pointer, values] of DERIVED) {
      if (f !== file) continue;
      const node = nodeAt(doc, pointer);
      // Written only where the ids differ, so a schema whose lists hold keeps its layout.
      if (process.env.ZOMBIE_LAB_WRITE_SCHEMAS === '1' && sorted((node.enum ?? []) as unknown[]).join() !== sorted(values).join()) {
        node.enum = [...values];
        changed = true;
      }
      expect(sorted((node.enum ?? []) as unknown[]), `docs/${file} ${pointer} (regenerate: ZOMBIE_LAB_WRITE_SCHEMAS=1 npx vitest run src/engine/schema-enums.test.ts)`).toEqual(sorted(values));
    }
    if (changed) writeFileSync(full, `${JSON.stringify(doc, null, 2)}\n`);
  });
});
