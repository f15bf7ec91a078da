// `node:assert/strict` for the tests bundled for the web worker (build-suite.mjs aliases it here):
// the `assert` package is Node's assert for browsers.
import assert from 'assert';

export default assert.strict;
