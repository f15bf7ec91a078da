// How the server's Node process is best started: one place for the extension's launch and the tests
// and benchmark that measure it.

/**
 * V8 grows its young generation to 2 × 64 MiB while a large document is read, and each keystroke's
 * garbage then fills it. Capping it at 16 MiB lowered peak memory at 100 000 entries from about
 * 280 to about 195 MiB with edit latency within the run-to-run noise (bench/RESULTS.md); 8 MiB took
 * a CRM objects file of 100 000 properties with its portal's catalog from 262 to 256 MiB, and v1's
 * 100 000 entries to 189 MiB, edits again within the noise.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
