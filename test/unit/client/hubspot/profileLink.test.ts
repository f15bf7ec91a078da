// The contact-page addresses an answer may bring that are offered as links, and the ones that are not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOpenableProfileUrl } from '../../../../client/src/hubspot/profileLink';

const HUBSPOT = 'https://api.hubapi.com';
const SANDBOX = 'http://127.0.0.1:4010';

test("HubSpot's app, in every data-hosting region, over https", () => {
  for (const url of [
    'https://app.hubspot.com/contacts/62515/contact/12053574',
    'https://app-eu1.hubspot.com/contacts/62515/contact/1',
    'https://app-na2.hubspot.com/contacts/62515/contact/1',
    'https://APP.HubSpot.com/contacts/62515/contact/1',
  ]) {
    assert.equal(isOpenableProfileUrl(url, HUBSPOT), true, url);
    assert.equal(isOpenableProfileUrl(url, SANDBOX), true, `${url} from the sandbox`);
  }
});

test('the sandbox origin, only when the base URL is that loopback origin', () => {
  assert.equal(isOpenableProfileUrl(`${SANDBOX}/contacts/62515/contact/1`, SANDBOX), true);
  assert.equal(isOpenableProfileUrl('http://localhost:4010/contacts/62515/contact/1', 'http://localhost:4010'), true);
  assert.equal(isOpenableProfileUrl('http://127.0.0.1:9999/contacts/62515/contact/1', SANDBOX), false, 'another port');
  assert.equal(isOpenableProfileUrl(`${SANDBOX}/contacts/62515/contact/1`, HUBSPOT), false, 'loopback, but the base URL is HubSpot');
});

test('anything else is not a link', () => {
  for (const url of [
    'http://app.hubspot.com/contacts/62515/contact/1',
    'https://app.hubspot.com.evil.example/contacts/62515/contact/1',
    'https://evil.example/app.hubspot.com/contacts/62515/contact/1',
    'https://app-evil.hubspot.com/contacts/62515/contact/1',
    'https://hubspot.com/contacts/62515/contact/1',
    'https://api.hubapi.com/contacts/62515/contact/1',
    'https://user:secret@app.hubspot.com/contacts/62515/contact/1',
    'https://app.hubspot.com:8443/contacts/62515/contact/1',
    'javascript:alert(1)',
    'command:workbench.action.terminal.new',
    'vscode://file/etc/passwd',
    'file:///etc/passwd',
    '/contacts/62515/contact/1',
    'not a url',
  ]) {
    assert.equal(isOpenableProfileUrl(url, HUBSPOT), false, url);
  }
});
