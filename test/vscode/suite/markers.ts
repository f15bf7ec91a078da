// Printed by index.ts around the mocha run, so that the code-server launcher can pick mocha's
// output out of the workbench's log stream. No imports: the harness uses this file too.
export const MOCHA_BEGIN = '=== contact-payloads extension tests: begin ===';
export const MOCHA_END = '=== contact-payloads extension tests: end ===';
