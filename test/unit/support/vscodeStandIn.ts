// The empty stand-in that vscodeStub.ts resolves the vscode module to.
export {};
