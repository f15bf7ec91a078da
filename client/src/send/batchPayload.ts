// The contacts of a batch file (`*.contacts.json`) as plain JSON, for what the editor reads of one
// without the engine: how many there are (the CodeLens), and the values one of them holds (to pin
// HubSpot's rejections on them). A batch file is a batch request's body: the CRM objects
// `{"inputs": [{"properties": {…}}, …]}` or v1's `[{"properties": […]}, …]`.
import { withoutByteOrderMark } from './contactText';

/** The contacts of a batch file's text, in the file's order; undefined when it is not JSON or no batch. */
export function batchContacts(text: string): readonly unknown[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch {
    return undefined;
  }
  if (Array.isArray(value)) return value as unknown[];
  const inputs = typeof value === 'object' && value !== null && Object.hasOwn(value, 'inputs') ? (value as { inputs: unknown }).inputs : undefined;
  return Array.isArray(inputs) ? inputs : undefined;
}
