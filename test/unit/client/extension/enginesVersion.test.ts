// engines.vscode is the oldest VS Code the extension admits; the code is typed against @types/vscode.
// If the types were newer than the oldest admitted VS Code, the code could call an API that VS Code
// lacks and fail only for those users: the two name the same version.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { engines: { vscode: string }; devDependencies: Record<string, string> };

test("@types/vscode is the version engines.vscode admits as the oldest, so no newer API can be used by mistake", () => {
  const oldest = /^\^(\d+\.\d+)\.\d+$/.exec(manifest.engines.vscode)?.[1];
  const typed = /^(\d+\.\d+)\.\d+$/.exec(manifest.devDependencies['@types/vscode'] ?? '')?.[1];
  assert.ok(oldest, `engines.vscode is a caret range: ${manifest.engines.vscode}`);
  assert.equal(typed, oldest, `@types/vscode ${manifest.devDependencies['@types/vscode']} vs engines.vscode ${manifest.engines.vscode}`);
});
