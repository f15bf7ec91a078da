// Run in a fresh process by the benchmark: how long loading the extension's bundle takes (what VS Code
// does before it can call activate), with `vscode` replaced by an inert stub. Prints milliseconds.
import { createRequire, registerHooks } from 'node:module';

const STUB_URL = 'vscode-stub:';
// Any property, call or construction yields the stub again, so the bundle's top-level code (classes
// extending vscode classes, enum reads) runs as it would in VS Code.
const STUB_SOURCE = `const stub = new Proxy(function () {}, { get: (_, key) => (key === 'prototype' ? {} : stub), apply: () => stub, construct: () => ({}) });
module.exports = stub;`;

registerHooks({
  resolve: (specifier, context, next) => (specifier === 'vscode' ? { url: STUB_URL, shortCircuit: true } : next(specifier, context)),
  load: (url, context, next) => (url === STUB_URL ? { format: 'commonjs', source: STUB_SOURCE, shortCircuit: true } : next(url, context)),
});

const [bundle = '', entry = 'activate'] = process.argv.slice(2);
const started = performance.now();
const extension = createRequire(import.meta.url)(bundle) as Record<string, unknown>;
const loadMs = performance.now() - started;
if (typeof extension[entry] !== 'function') throw new Error(`${bundle} exports no ${entry}()`);
process.stdout.write(String(loadMs));
