// The part of the SARIF 2.1.0 JSON schema (OASIS, errata01: sarif-schema-2.1.0.json) that a
// `check --format sarif` log uses. No npm package ships the schema itself (the SARIF tools fetch it
// at run time, and this machine has no network but the registries), so the objects the log holds
// are written out here from the spec with their constraints as the official schema states them:
// the required properties, the enums, the minimums, the formats and `additionalProperties: false`.
// Properties the spec defines but the log never writes are left out, so a new one must be added
// here, from the spec, before the log may write it.

const integerFrom = (minimum: number) => ({ type: 'integer', minimum });
const arrayOf = (ref: string, uniqueItems = false) => ({ type: 'array', minItems: 0, uniqueItems, items: { $ref: `#/definitions/${ref}` } });
const LEVEL = { type: 'string', enum: ['none', 'note', 'warning', 'error'] };

export const SARIF_2_1_0_SUBSET = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema: the subset contact-payloads writes',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { type: 'string', enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], minItems: 0, uniqueItems: false, items: { $ref: '#/definitions/run' } },
  },
  required: ['version', 'runs'],
  definitions: {
    run: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tool: { $ref: '#/definitions/tool' },
        invocations: arrayOf('invocation'),
        originalUriBaseIds: { type: 'object', additionalProperties: { $ref: '#/definitions/artifactLocation' } },
        results: arrayOf('result'),
        columnKind: { type: 'string', enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
      },
      required: ['tool'],
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      properties: { driver: { $ref: '#/definitions/toolComponent' } },
      required: ['driver'],
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        version: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        rules: arrayOf('reportingDescriptor', true),
      },
      required: ['name'],
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        shortDescription: { $ref: '#/definitions/multiformatMessageString' },
        helpUri: { type: 'string', format: 'uri' },
      },
      required: ['id'],
    },
    multiformatMessageString: {
      type: 'object',
      additionalProperties: false,
      properties: { text: { type: 'string' }, markdown: { type: 'string' } },
      required: ['text'],
    },
    invocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exitCode: { type: 'integer' },
        toolExecutionNotifications: arrayOf('notification'),
        executionSuccessful: { type: 'boolean' },
      },
      required: ['executionSuccessful'],
    },
    notification: {
      type: 'object',
      additionalProperties: false,
      properties: { locations: arrayOf('location', true), message: { $ref: '#/definitions/message' }, level: LEVEL },
      required: ['message'],
    },
    result: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ruleId: { type: 'string' },
        ruleIndex: integerFrom(-1),
        level: LEVEL,
        message: { $ref: '#/definitions/message' },
        locations: arrayOf('location'),
        relatedLocations: arrayOf('location', true),
      },
      required: ['message'],
    },
    message: {
      type: 'object',
      additionalProperties: false,
      properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' } },
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: { id: integerFrom(-1), physicalLocation: { $ref: '#/definitions/physicalLocation' }, message: { $ref: '#/definitions/message' } },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { artifactLocation: { $ref: '#/definitions/artifactLocation' }, region: { $ref: '#/definitions/region' } },
      // The spec's other alternative, `address`, is for binary artifacts.
      anyOf: [{ required: ['artifactLocation'] }],
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' }, index: integerFrom(-1) },
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: integerFrom(1),
        startColumn: integerFrom(1),
        endLine: integerFrom(1),
        endColumn: integerFrom(1),
        charOffset: integerFrom(-1),
        charLength: integerFrom(0),
      },
      anyOf: [{ required: ['startLine'] }, { required: ['charOffset'] }],
    },
  },
} as const;
