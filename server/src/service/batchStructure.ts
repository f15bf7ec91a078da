// What is wrong with a batch file's list itself (schemas/contacts-objects-batch.schema.json for the
// CRM objects' `{"inputs": […]}`; v1's form is a bare array): the root, `inputs`, and elements that
// are no contact. Each contact's own structure is its shape's to check (shapes/batchContacts.ts).
import type { ErrorObject } from 'ajv';
import { validateObjectsBatch } from './contactSchemaValidator';
import { DiagnosticCode } from './diagnosticCodes';
import type { Finding } from './finding';
import { lastMember, type JsonValue, type ParsedBatch } from './payloadModel';
import { describeKind, invalidSchemaKey, scalarOrPlaceholder, setOwn } from './schemaCheck';

/** A batch file as people write one, for messages. */
export const BATCH_EXAMPLE = '{"inputs": [{"properties": {"email": "…"}}, …]} (the CRM objects API) or [{"email": "…", "properties": [{"property": "firstname", "value": "…"}]}, …] (the v1 API)';

export function checkBatchStructure(batch: ParsedBatch): Finding[] {
  const { root } = batch;
  if (!root) return [];
  if (root.kind !== 'object' && root.kind !== 'array') return [notAList(root, `A batch file is ${BATCH_EXAMPLE}, not ${describeKind(root.kind)}.`)];
  const findings: Finding[] = root.kind === 'object' ? topLevelFindings(batch) : [];
  for (const element of batch.elements) {
    if (element.kind === 'object') continue;
    findings.push({ code: DiagnosticCode.ContactNotObject, severity: 'error', span: element, message: `Each contact of a batch file is an object such as {"properties": {"email": "…"}}, not ${describeKind(element.kind)}.` });
  }
  return findings;
}

/** `{"inputs": […]}` checked with `inputs` empty: its contacts are checked one by one. */
function topLevelFindings(batch: ParsedBatch): Finding[] {
  const value: Record<string, unknown> = {};
  for (const member of batch.topMembers) {
    if (!member.value) continue; // still being typed: the syntax error says so
    setOwn(value, member.key, member === batch.inputs && member.value.kind === 'array' ? [] : scalarOrPlaceholder(member.value));
  }
  if (validateObjectsBatch(value)) return [];
  return (validateObjectsBatch.errors ?? []).flatMap((error) => explain(error, batch));
}

function explain(error: ErrorObject, batch: ParsedBatch): Finding[] {
  const root = batch.root!;
  const key = error.instancePath.split('/')[1];
  if (key === undefined) {
    if (error.keyword === 'required') return [notAList({ offset: root.offset, length: 1 }, `Missing "inputs": a batch file is ${BATCH_EXAMPLE}.`)];
    if (error.keyword !== 'additionalProperties') return [];
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return batch.topMembers.filter((member) => member.key === extra).map((member) => ({
      code: DiagnosticCode.UnknownTopLevelKey, severity: 'warning' as const, span: member.keySpan,
      message: `"${extra}" is not part of a batch: HubSpot reads only "inputs", and "${extra}" is not sent.`,
    }));
  }
  const member = lastMember(batch.topMembers, key);
  if (!member) return [];
  if (key === '$schema') return [invalidSchemaKey(member)];
  if (key === 'inputs') return [notAList(member.value ?? member.keySpan, `"inputs" must be an array of contacts such as [{"properties": {"email": "…"}}], not ${describeKind(member.value?.kind)}.`)];
  return [];
}

function notAList(span: JsonValue | { offset: number; length: number }, message: string): Finding {
  return { code: DiagnosticCode.BatchNotList, severity: 'error', span, message };
}
