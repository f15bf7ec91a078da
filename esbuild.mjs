// Bundles the extension client, the language server and the command line into self-contained files in dist/.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest VS Code admitted by engines.vscode (1.100) runs extensions on Node 20.19.
  target: 'node20.19',
  // jsonc-parser's default entry is a UMD build that requires './impl/*' at run time; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'info',
  legalComments: 'none',
};

/** Prints errors in the `file:line:col: error: text` shape that VS Code's esbuild problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Parts of undici replaced to keep the .vsix small; all but the first are never run, and are stubs:
 * - the SIMD copy of its HTTP parser (72 KB of base64): undici falls back to the portable copy when
 *   the SIMD module cannot be built, and one request at a time does not need SIMD;
 * - the portable copy is read from dist/llhttp.wasm, written beside the bundles, instead of being
 *   72 KB of base64 in each: raw WebAssembly compresses to 18.5 KB in the .vsix, its base64 to 24 KB;
 * - HTTP/2 (used only when allowH2 is on, and it is off), SOCKS proxies (proxy.ts refuses them), and
 *   the fetch body helpers that the HTTP/1 client loads only for FormData or Blob bodies (ours is a string);
 * - the dispatcher methods other than request and connect (stream, pipeline, upgrade): nothing calls them.
 * A stub throws a clear error if it is ever reached. The parser is loaded at the first connection.
 */
const UNUSED_UNDICI_MODULES = /undici[\\/]lib[\\/](llhttp[\\/]llhttp(_simd)?-wasm|dispatcher[\\/]client-h2|dispatcher[\\/]socks5-proxy-agent|web[\\/]fetch[\\/]body|api[\\/]api-(stream|pipeline|upgrade))\.js$/;
const LLHTTP_WASM = 'llhttp.wasm';
const trimmedUndici = {
  name: 'trimmed-undici',
  setup(build) {
    build.onEnd(() => {
      mkdirSync('dist', { recursive: true });
      writeFileSync(`dist/${LLHTTP_WASM}`, require('undici/lib/llhttp/llhttp-wasm.js'));
    });
    build.onLoad({ filter: UNUSED_UNDICI_MODULES }, (args) => {
      if (args.path.includes('llhttp_simd-wasm')) return { contents: 'module.exports = null;', loader: 'js' };
      if (args.path.includes('llhttp-wasm')) return { contents: `module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(LLHTTP_WASM)}));`, loader: 'js' };
      const name = JSON.stringify(args.path.replace(/^.*undici[\\/]lib[\\/]/, 'undici/lib/'));
      const contents = `function unavailable() { throw new Error(${name} + ' is not bundled with Contact Payloads'); }
module.exports = new Proxy(unavailable, { get: (target, key) => (key in target ? target[key] : unavailable) });`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Parts of vscode-languageclient the extension never runs, replaced to keep the .vsix small:
 * - semver, which only checks that VS Code is at least the client's ^1.91: VS Code itself refuses to
 *   load the extension below engines.vscode (^1.100), so the check always passes;
 * - minimatch (and brace-expansion), which only the file-operations feature calls, for the globs a
 *   server registers for willCreate/didRename…; ours registers none. A stub throws if it is reached;
 * - notebook document sync (20 KB), for servers that declare notebookDocumentSync; ours does not. The
 *   stub announces no notebook support, handles no document, sends nothing, and throws if a server
 *   asks for it;
 * - the language features our server does not provide (it provides completion, hover, code actions,
 *   document symbols and diagnostics; 45 KB), and the file operations (willRename, didCreate…; 7 KB) it
 *   asks for none of: each module's classes announce nothing to the server and throw if a server offers
 *   the feature. Below: by module, its classes and the server capability each answers to.
 */
const UNPROVIDED_FEATURES = {
  semanticTokens: { SemanticTokensFeature: 'semanticTokensProvider' },
  formatting: { DocumentFormattingFeature: 'documentFormattingProvider', DocumentRangeFormattingFeature: 'documentRangeFormattingProvider', DocumentOnTypeFormattingFeature: 'documentOnTypeFormattingProvider' },
  rename: { RenameFeature: 'renameProvider' },
  textDocumentContent: { TextDocumentContentFeature: 'workspace.textDocumentContent' },
  callHierarchy: { CallHierarchyFeature: 'callHierarchyProvider' },
  typeHierarchy: { TypeHierarchyFeature: 'typeHierarchyProvider' },
  inlayHint: { InlayHintsFeature: 'inlayHintProvider' },
  linkedEditingRange: { LinkedEditingFeature: 'linkedEditingRangeProvider' },
  signatureHelp: { SignatureHelpFeature: 'signatureHelpProvider' },
  colorProvider: { ColorProviderFeature: 'colorProvider' },
  workspaceSymbol: { WorkspaceSymbolFeature: 'workspaceSymbolProvider' },
  foldingRange: { FoldingRangeFeature: 'foldingRangeProvider' },
  inlineValue: { InlineValueFeature: 'inlineValueProvider' },
  documentLink: { DocumentLinkFeature: 'documentLinkProvider' },
  typeDefinition: { TypeDefinitionFeature: 'typeDefinitionProvider' },
  selectionRange: { SelectionRangeFeature: 'selectionRangeProvider' },
  inlineCompletion: { InlineCompletionItemFeature: 'inlineCompletionProvider' },
  implementation: { ImplementationFeature: 'implementationProvider' },
  documentHighlight: { DocumentHighlightFeature: 'documentHighlightProvider' },
  definition: { DefinitionFeature: 'definitionProvider' },
  declaration: { DeclarationFeature: 'declarationProvider' },
  reference: { ReferencesFeature: 'referencesProvider' },
  fileOperations: {
    DidCreateFilesFeature: 'workspace.fileOperations.didCreate',
    DidRenameFilesFeature: 'workspace.fileOperations.didRename',
    DidDeleteFilesFeature: 'workspace.fileOperations.didDelete',
    WillCreateFilesFeature: 'workspace.fileOperations.willCreate',
    WillRenameFilesFeature: 'workspace.fileOperations.willRename',
    WillDeleteFilesFeature: 'workspace.fileOperations.willDelete',
  },
};
const unprovidedFeatureModule = (classes) => `const unprovided = (capability) => class {
  fillClientCapabilities() {}
  initialize(capabilities) {
    const offered = capability.split('.').reduce((value, key) => value?.[key], capabilities);
    if (offered !== undefined && offered !== false) throw new Error('the language client of Contact Payloads is bundled without ' + capability);
  }
  getState() { return { kind: 'static' }; }
  clear() {}
};
${Object.entries(classes).map(([name, capability]) => `exports.${name} = unprovided(${JSON.stringify(capability)});`).join('\n')}`;

const NOTEBOOK_FEATURE_STUB = `const { NotebookDocumentSyncRegistrationType } = require('vscode-languageserver-protocol');
const unavailable = () => { throw new Error('notebook document sync is not bundled with Contact Payloads'); };
const noEvent = () => ({ dispose() {} });
class NotebookDocumentSyncFeature {
  static CellScheme = 'vscode-notebook-cell';
  registrationType = NotebookDocumentSyncRegistrationType.type;
  getState() { return { kind: 'document', id: this.registrationType.method, registrations: false, matches: false }; }
  fillClientCapabilities() {}
  preInitialize() {}
  initialize(capabilities) { if (capabilities.notebookDocumentSync !== undefined) unavailable(); }
  register() { unavailable(); }
  unregister() {}
  clear() {}
  handles() { return false; }
  // The text document features listen to what it sends: it sends nothing.
  get onOpenNotificationSent() { return noEvent; }
  get onChangeNotificationSent() { return noEvent; }
  get onCloseNotificationSent() { return noEvent; }
  get onSaveNotificationSent() { return noEvent; }
}
module.exports = { NotebookDocumentSyncFeature };`;
const trimmedLanguageClient = {
  name: 'trimmed-language-client',
  setup(build) {
    build.onLoad({ filter: /node_modules[\\/]semver[\\/]functions[\\/](parse|satisfies)\.js$/ }, (args) => ({
      contents: args.path.endsWith('parse.js') ? 'module.exports = (version) => ({ version, prerelease: [] });' : 'module.exports = () => true;',
      loader: 'js',
    }));
    build.onLoad({ filter: /vscode-languageclient[\\/]lib[\\/]common[\\/]notebook\.js$/ }, () => ({ contents: NOTEBOOK_FEATURE_STUB, loader: 'js' }));
    const unprovided = new RegExp(`vscode-languageclient[\\\\/]lib[\\\\/]common[\\\\/](${Object.keys(UNPROVIDED_FEATURES).join('|')})\\.js$`);
    build.onLoad({ filter: unprovided }, (args) => ({ contents: unprovidedFeatureModule(UNPROVIDED_FEATURES[unprovided.exec(args.path)[1]]), loader: 'js' }));
    build.onLoad({ filter: /node_modules[\\/]minimatch[\\/]/ }, () => ({
      contents: "function unavailable() { throw new Error('minimatch is not bundled with Contact Payloads'); }\nmodule.exports = { Minimatch: unavailable, minimatch: unavailable };",
      loader: 'js',
    }));
  },
};

/** The payload schemas compiled at build time: the server ships ajv's generated validators, not ajv. */
const precompiledSchema = {
  name: 'precompiled-contact-schema',
  setup(build) {
    build.onLoad({ filter: /contactSchemaValidator\.ts$/ }, () => {
      const json = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
      const files = ['./schemas/contact.schema.json', './schemas/contact-objects.schema.json', './schemas/contacts-objects-batch.schema.json', './schemas/contacts-v1-batch.schema.json'];
      const [v1, objects, objectsBatch, v1Batch] = files.map((file) => json(file).$id);
      // The same exports as server/src/service/contactSchemaValidator.ts.
      const exported = {
        validateContactPayload: v1,
        validateObjectsPayload: objects,
        validateObjectsBatch: objectsBatch,
        validateObjectsBatchInput: `${objectsBatch}#/definitions/input`,
        validateV1BatchContact: `${v1Batch}#/definitions/contact`,
      };
      const ajv = new Ajv({ ...json('./schemas/ajv-options.json'), code: { source: true, esm: true } });
      for (const file of files) ajv.addSchema(json(file));
      const code = standaloneCode.default(ajv, exported);
      return { contents: code, loader: 'js', watchFiles: [...files.map((file) => file.slice(2)), 'schemas/ajv-options.json'] };
    });
  },
};

/** extension.ts imports clientMain.ts lazily: in the bundle that is a require of the separately built dist/clientMain.js. */
const extensionProperLoadedLater = {
  name: 'extension-proper-loaded-later',
  setup(build) {
    build.onResolve({ filter: /^\.\/clientMain$/ }, () => ({ path: './clientMain.js', external: true }));
  },
};

const targets = [
  // What VS Code loads on activation: a few kilobytes that load the rest when it is needed.
  { ...common, entryPoints: { client: 'client/src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [extensionProperLoadedLater] },
  // The extension proper for both hosts, and the web's `browser` entry (client/src/extension/clientMain.ts): 'browser'
  // lets vscode-languageclient/browser resolve beside the Node entries; what needs Node is loaded only in Node.
  { ...common, entryPoints: { clientMain: 'client/src/extension/clientMain.ts' }, outdir: 'dist', external: ['vscode'], conditions: ['browser'], plugins: [trimmedUndici, trimmedLanguageClient] },
  // One server for both hosts (server/src/main.ts picks the transport): 'browser' lets vscode-languageserver/browser
  // resolve beside the Node entries, whose modules only load in Node.
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', conditions: ['browser'], plugins: [precompiledSchema] },
  // The command line (`contact-payloads`): the server's rules and the client's HTTP layer, so both plugins.
  // tinyglobby's ES module build of fdir calls createRequire(import.meta.url), which a CommonJS bundle
  // lacks; __filename names the same file.
  {
    ...common,
    entryPoints: { cli: 'client/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    define: { 'import.meta.url': '__filename' },
    plugins: [precompiledSchema, trimmedUndici],
  },
];

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context({ ...t, plugins: [...(t.plugins ?? []), problemMatcherPlugin] })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
