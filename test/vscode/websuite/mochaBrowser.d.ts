// mocha's browser build (test/vscode/websuite/index.ts imports it for its side effect: globalThis.mocha).
declare module 'mocha/mocha.js';
