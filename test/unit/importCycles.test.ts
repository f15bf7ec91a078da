// No module of the server imports itself through others: a cycle makes the bundle's order of
// evaluation decide whether a top-level use of an import is defined (payload.ts ↔ payloadScanner.ts
// was one). Type-only imports count too: they turn into value imports with one edit.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function importsOf(file: string): string[] {
  const targets: string[] = [];
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const base = path.resolve(path.dirname(file), specifier);
    const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (resolved) targets.push(resolved);
  }
  return targets;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const done = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string, chain: string[]) => {
    const open = chain.indexOf(file);
    if (open >= 0) { found.push([...chain.slice(open), file]); return; }
    if (done.has(file)) return;
    chain.push(file);
    for (const target of graph.get(file) ?? []) visit(target, chain);
    chain.pop();
    done.add(file);
  };
  for (const file of files) visit(file, []);
  return found;
}

test('the client and the server have no import cycle', () => {
  const files = [...sourceFiles(path.join(ROOT, 'client/src')), ...sourceFiles(path.join(ROOT, 'server/src'))];
  assert.ok(files.length > 100, `the walk finds the sources (${files.length})`);
  assert.deepStrictEqual(cycles(files).map((cycle) => cycle.map((file) => path.relative(ROOT, file)).join(' → ')), []);
});

test('the cycle check finds a cycle when there is one, type-only imports included', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'));
  try {
    writeFileSync(path.join(folder, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    writeFileSync(path.join(folder, 'b.ts'), "import type { a } from './a';\nexport const b = 1 as unknown as typeof a;\n");
    writeFileSync(path.join(folder, 'c.ts'), "import { a } from './a';\nexport const c = a;\n");
    const found = cycles(sourceFiles(folder)).map((cycle) => cycle.map((file) => path.basename(file)).join(' → '));
    assert.deepStrictEqual(found, ['a.ts → b.ts → a.ts']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
