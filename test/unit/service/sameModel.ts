// Both readers build the same model; only the field that says which reader built it differs.
import assert from 'node:assert/strict';
import type { ParsedPayload } from '../../../server/src/service/payloadModel';

export function assertSameModelContent(actual: ParsedPayload, expected: ParsedPayload, message?: string): void {
  assert.deepStrictEqual({ ...actual, fromPlainJson: undefined }, { ...expected, fromPlainJson: undefined }, message);
}
