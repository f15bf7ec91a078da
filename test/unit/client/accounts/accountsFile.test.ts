import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { accountsFilePath, AccountsFileError, accountTokenVariable, findAccount, readAccountsFile } from '../../../../client/src/accounts/accountsFile';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'contact-payloads-accounts-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const write = (value: unknown) => {
  const file = path.join(folder, 'accounts.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

test('the accounts file is found where CONTACT_PAYLOADS_ACCOUNTS says, else under XDG_CONFIG_HOME, else ~/.config, else %APPDATA% on Windows', () => {
  assert.equal(accountsFilePath({ CONTACT_PAYLOADS_ACCOUNTS: '/etc/cp.json', XDG_CONFIG_HOME: '/x' }, 'linux'), '/etc/cp.json');
  assert.equal(accountsFilePath({ XDG_CONFIG_HOME: '/x' }, 'linux'), '/x/contact-payloads/accounts.json');
  assert.equal(accountsFilePath({}, 'linux'), path.join(os.homedir(), '.config', 'contact-payloads', 'accounts.json'));
  assert.equal(accountsFilePath({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32'), path.join('C:\\Users\\a\\AppData\\Roaming', 'contact-payloads', 'accounts.json'));
});

test('accounts read with their base URL, API version and production mark; found by name without case; each has its own token variable', () => {
  const file = write({ accounts: [{ name: 'Staging', baseUrl: 'https://api.hubapi.com', apiVersion: '2026-03' }, { name: 'prod eu-1', baseUrl: 'https://api-eu1.hubapi.com', production: true }] });
  const accounts = readAccountsFile(file);
  assert.deepEqual(accounts, [
    { name: 'Staging', baseUrl: 'https://api.hubapi.com', apiVersion: '2026-03', production: false },
    { name: 'prod eu-1', baseUrl: 'https://api-eu1.hubapi.com', apiVersion: undefined, production: true },
  ]);
  assert.equal(findAccount(accounts, 'STAGING', file).name, 'Staging');
  assert.throws(() => findAccount(accounts, 'qa', file), /no account "qa" in .*accounts\.json \(it has: Staging, prod eu-1\)/);
  assert.deepEqual([accountTokenVariable('Staging'), accountTokenVariable('prod eu-1')], ['HUBSPOT_ACCESS_TOKEN_STAGING', 'HUBSPOT_ACCESS_TOKEN_PROD_EU_1']);
});

test('a file that is not an accounts file says what is wrong, where; a token in it is refused and named its variable', () => {
  const refused = (value: unknown, message: RegExp) => assert.throws(() => readAccountsFile(write(value)), (error: unknown) => error instanceof AccountsFileError && message.test(error.message));
  refused('{nope', /is not JSON/);
  refused({ inputs: [] }, /needs \{"accounts": \[/);
  refused({ accounts: [null] }, /accounts\[0\] is not an object/);
  refused({ accounts: [{ name: 'Staging', baseUrl: 'https://api.hubapi.com', token: 'pat-…' }] }, /tokens are never read from a file; put it in HUBSPOT_ACCESS_TOKEN_STAGING/);
  refused({ accounts: [{ name: '', baseUrl: 'https://api.hubapi.com' }] }, /"name": An account name is letters, digits/);
  refused({ accounts: [{ name: 'A', baseUrl: 'x' }, { name: 'a', baseUrl: 'x' }] }, /the name "a" is used twice/);
  refused({ accounts: [{ name: 'A' }] }, /"baseUrl" is a URL/);
  refused({ accounts: [{ name: 'A', baseUrl: 'x', apiVersion: '2020-01' }] }, /"apiVersion" is one of 2026-09/);
  refused({ accounts: [{ name: 'A', baseUrl: 'x', production: 'yes' }] }, /"production" is true or false/);
  assert.throws(() => readAccountsFile(path.join(folder, 'missing.json')), /there is no accounts file at .*missing\.json/);
  assert.deepEqual(readAccountsFile(write(`\uFEFF${JSON.stringify({ accounts: [] })}`)), [], 'a byte order mark is fine');
});
