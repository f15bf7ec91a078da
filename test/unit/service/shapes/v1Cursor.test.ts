import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContext } from '../../../../server/src/service/shapes/v1Cursor';
import { fixture } from '../cursorFixture';

/** The context at `|`, flattened to what a test compares: slot kind, the token's text, and the commas needed. */
function contextAt(textWithCursor: string): { slot: string; token?: string; quoted?: boolean; commaBefore: boolean; commaAfter: boolean } | undefined {
  const f = fixture(textWithCursor);
  const context = cursorContext(f.payload, f.document.offsetAt(f.position));
  if (!context) return undefined;
  const { token } = context;
  return {
    slot: context.slot.kind,
    ...(token ? { token: f.payload.text.slice(token.offset, token.offset + token.length), quoted: token.quoted } : {}),
    commaBefore: context.commaBefore,
    commaAfter: context.commaAfter,
  };
}

const at = (slot: string, token?: string, quoted?: boolean, commaBefore = false, commaAfter = false) => ({
  slot, ...(token !== undefined ? { token, quoted } : {}), commaBefore, commaAfter,
});

test('slots and tokens around an entry', () => {
  const cases: [string, ReturnType<typeof at> | undefined][] = [
    ['{"properties":[{"property":"em|"}]}', at('propertyName', '"em"', true)],
    ['{"properties":[{"property":|"em"}]}', at('propertyName', '"em"', true)],
    ['{"properties":[{"property":"em"|}]}', at('propertyName', '"em"', true)],
    ['{"properties":[{"property": em|}]}', at('propertyName', 'em', false)],
    ['{"properties":[{"property": |}]}', at('propertyName')],
    ['{"properties":[{"property":"em|}]}', at('propertyName', '"em', true)],
    ['{"properties":[{"property":"e|m}]}', at('propertyName', '"em', true)],
    ['{"properties":[{"property":"x","value":12|}]}', at('value', '12', false)],
    ['{"properties":[{"property":"x","value": |, "timestamp": 1}]}', at('value')],
    ['{"properties":[{|}]}', at('assignmentKey')],
    ['{"properties":[{"property":"x" |}]}', at('assignmentKey', undefined, undefined, true)],
    ['{"properties":[{| "value":"x"}]}', at('assignmentKey', undefined, undefined, false, true)],
    ['{"properties":[{"pro|perty":"x"}]}', at('assignmentKey', '"property"', true)],
    ['{"properties":[{"property":"x","value": |"y"}]}', at('value', '"y"', true)],
    // In the blank before a value: inserting there would leave two values.
    ['{"properties":[{"property":"x","value":| "y"}]}', undefined],
    ['{"properties":[{"property":"x","value":{"a":|}}]}', undefined],
    ['{"properties":[{"property" |}]}', undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(contextAt(text), expected, text);
});

test('slots between entries and at the root', () => {
  const cases: [string, ReturnType<typeof at> | undefined][] = [
    ['{"properties":[|]}', at('newAssignment')],
    ['{"properties":[{}|]}', at('newAssignment', undefined, undefined, true)],
    ['{"properties":[{}, |]}', at('newAssignment')],
    ['{"properties":[|{}]}', at('newAssignment', undefined, undefined, false, true)],
    ['{"properties":[{}, | {}]}', at('newAssignment', undefined, undefined, false, true)],
    ['{"properties":[{}, em|]}', at('newAssignment', 'em', false)],
    ['{"properties":[{}, "em|"]}', at('newAssignment', '"em"', true)],
    ['{"properties":[{}, 12| {}]}', at('newAssignment', '12', false, false, true)],
    ['{"properties":[{}, foo bar|]}', undefined],
    ['{"properties":[\n  |', at('newAssignment')],
    ['{|}', at('topLevelKey')],
    ['{"properties":[]|}', at('topLevelKey', undefined, undefined, true)],
    ['{"vi|"}', at('topLevelKey', '"vi"', true)],
    ['{"properties":|}', undefined],
    ['{"vid": 1|}', undefined],
    ['{"other":[|]}', undefined],
    ['|{}', undefined],
    ['{}|', undefined],
    ['', at('emptyDocument')],
    ['\uFEFF \n|', at('emptyDocument')],
    ['nonsense|', undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(contextAt(text), expected, JSON.stringify(text));
});
