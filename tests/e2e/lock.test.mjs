// The passphrase lock: encryption at rest, unlocking, locking by button
// and when idle, changing the passphrase, and encrypted export and import.
// Stored records and exports are decrypted here with Node's WebCrypto from
// the documented scheme, not with the app's code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startServer, launch, watchedPage, expectNoProblems, importFile, open, expectAccessible, screenshot, deriveKey, openStoredRecord, openEncryptedExport, downloadText, waitSaved, setPassphrase as setPassphraseAt, unlock, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const FIXTURE = SAMPLE_FAMILY;
const FAMILY = sampleFamily().cases[0];
const PASSPHRASE = 'blue kettle on the hill';
const NEW_PASSPHRASE = 'seven geese at dawn';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

const setPassphrase = (page, passphrase) => setPassphraseAt(page, server.url, passphrase);

/** A new tab with the sample family imported, the passphrase set, and its case open. */
async function openFamilyWithPassphrase() {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await setPassphrase(page, PASSPHRASE);
  await page.goto(`${server.url}#/cases/${FAMILY.id}`);
  await page.locator('main h1', { hasText: FAMILY.label }).waitFor();
  return { context, page };
}

/** Fills in "Change the passphrase" on `#/settings/passphrase`, without submitting it. */
async function fillChange(page, current, next) {
  await page.getByLabel('Current passphrase').fill(current);
  await page.getByLabel('New passphrase', { exact: true }).fill(next);
  await page.getByLabel('Type the new passphrase again').fill(next);
}

/**
 * Makes `localStorage.setItem` throw QuotaExceededError: for `key` only, or
 * for the `nth` write of a `kinplan.` key. With `crash`, every write and
 * removal after that one is dropped, as if the browser had died there.
 * Returns a function that undoes it.
 */
async function failWrites(page, { key, nth, crash = false }) {
  await page.evaluate(({ key, nth, crash }) => {
    window.realSetItem = Storage.prototype.setItem;
    window.realRemoveItem = Storage.prototype.removeItem;
    let writes = 0, dead = false;
    Storage.prototype.setItem = function (k, value) {
      if (dead) return undefined;
      const fails = key ? k === key : k.startsWith('kinplan.') && ++writes === nth;
      if (fails) { dead = crash; throw new DOMException('full', 'QuotaExceededError'); }
      return window.realSetItem.call(this, k, value);
    };
    Storage.prototype.removeItem = function (k) {
      return dead ? undefined : window.realRemoveItem.call(this, k);
    };
  }, { key, nth, crash });
  return () => page.evaluate(() => {
    Storage.prototype.setItem = window.realSetItem;
    Storage.prototype.removeItem = window.realRemoveItem;
  });
}


test('a passphrase encrypts every record; a wrong one changes nothing; the right one opens the plans', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.locator('.passphrase-offer', { hasText: 'Protect these plans with a passphrase' }).waitFor();
  await page.getByRole('button', { name: 'Set a passphrase' }).click();
  await page.locator('main h1', { hasText: 'Passphrase lock' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Passphrase lock');

  // Refused before anything is encrypted.
  await page.getByLabel('New passphrase', { exact: true }).fill('short');
  await page.getByLabel('Type the new passphrase again').fill('short');
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'at least 10 characters' }).waitFor();
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(PASSPHRASE + 'x');
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'two passphrases are different' }).waitFor();
  await page.getByLabel('Type the new passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'Tick the box' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kinplan.vault')), null);
  await expectAccessible(page, 'the passphrase settings');

  await page.getByLabel(/forgotten passphrase cannot be recovered/).check();
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await page.locator('.notice', { hasText: 'now encrypted' }).waitFor();

  // Every record but the vault is encrypted, and no family's name is readable.
  const stored = await snapshot(page);
  const vault = JSON.parse(stored['kinplan.vault']);
  assert.equal(vault.kdf.iterations, 600000);
  assert.equal(Buffer.from(vault.kdf.salt, 'base64').length, 16);
  assert.equal(vault.idle_minutes, 10);
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'kinplan.vault' || !key.startsWith('kinplan.')) continue;
    assert.ok(value.startsWith('\u0003'), `${key} is encrypted`);
  }
  const everything = Object.values(stored).join('');
  assert.ok(!everything.includes(FAMILY.label) && !everything.includes('Amy'), 'no name in clear text');
  const key = await deriveKey(PASSPHRASE, vault.kdf);
  const caseRecord = await openStoredRecord(`kinplan.case.${FAMILY.id}`, stored[`kinplan.case.${FAMILY.id}`], key);
  assert.equal(caseRecord.case.label, FAMILY.label);
  const index = await openStoredRecord('kinplan.index', stored['kinplan.index'], key);
  assert.equal(index.cases[0].label, FAMILY.label);

  // A reload locks. A wrong passphrase says so and touches nothing.
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.locator('main h1', { hasText: 'Kinplan is locked' }).waitFor();
  assert.ok(!(await page.content()).includes(FAMILY.label));
  await expectAccessible(page, 'the unlock screen');
  await screenshot(page, 'lock-screen');
  const beforeWrong = await snapshot(page);
  await unlock(page, 'not my passphrase');
  await page.locator('#unlock-error', { hasText: 'That passphrase is not right. Nothing has been changed' }).waitFor();
  assert.deepEqual(await snapshot(page), beforeWrong);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'unlock-passphrase');

  await unlock(page, PASSPHRASE);
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  await page.locator('.case-link', { hasText: FAMILY.label }).waitFor();
  assert.equal(await page.locator('.passphrase-offer').count(), 0, 'the offer goes once a passphrase is set');

  // An edit is saved encrypted at once, and survives a reload straight after typing.
  await page.goto(`${server.url}#/cases/${FAMILY.id}`);
  await page.locator('main h1', { hasText: FAMILY.label }).waitFor();
  const label = page.getByLabel('Case name');
  await label.fill(`${FAMILY.label} (renamed)`);
  await waitSaved(page);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.locator('main h1', { hasText: `${FAMILY.label} (renamed)` }).waitFor();
  const after = await snapshot(page);
  const reread = await openStoredRecord(`kinplan.case.${FAMILY.id}`, after[`kinplan.case.${FAMILY.id}`], key);
  assert.equal(reread.case.label, `${FAMILY.label} (renamed)`);
  assert.ok(!Object.values(after).join('').includes('renamed'));
  expectNoProblems(page);
  await context.close();
});

test('the Lock button and idle minutes lock the app, and a changed passphrase is all or nothing', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await setPassphrase(page, PASSPHRASE);
  await open(page, server.url);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.locator('main h1', { hasText: 'Kinplan is locked' }).waitFor();
  assert.ok(!(await page.content()).includes(FAMILY.label), 'nothing decrypted stays on the page');
  await unlock(page, PASSPHRASE);
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();

  await page.goto(`${server.url}#/settings`);
  await page.locator('.passphrase-settings', { hasText: 'On: the plans on this device are encrypted.' }).waitFor();
  await page.getByRole('link', { name: 'Change the passphrase or when Kinplan locks' }).click();
  await page.locator('main h1', { hasText: 'Passphrase lock' }).waitFor();

  // Idle: one minute chosen, then the clock moves on two.
  await page.goto(`${server.url}#/settings/passphrase`);
  await page.getByLabel('Lock after this long without use').selectOption('1');
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('kinplan.vault'))).idle_minutes, 1);
  await page.evaluate(() => { const real = Date.now; Date.now = () => real() + 2 * 60 * 1000; });
  await page.locator('main h1', { hasText: 'Kinplan is locked' }).waitFor({ timeout: 10000 });
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.locator('main h1', { hasText: 'Passphrase lock' }).waitFor();

  // Changing the passphrase: a wrong current one changes nothing.
  await page.goto(`${server.url}#/settings/passphrase`);
  await fillChange(page, 'not my passphrase', NEW_PASSPHRASE);
  const before = await snapshot(page);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'current passphrase is not right. Nothing has been changed' }).waitFor();
  assert.deepEqual(await snapshot(page), before);

  // A write failing half-way through (a full quota) puts every record back.
  const restoreWrites = await failWrites(page, { nth: 2 });
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'still under the old passphrase' }).waitFor();
  assert.deepEqual(await snapshot(page), before, 'every record as it was');
  await restoreWrites();

  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.locator('.notice', { hasText: 'The passphrase has been changed' }).waitFor();
  const changed = await snapshot(page);
  const vault = JSON.parse(changed['kinplan.vault']);
  assert.notEqual(vault.kdf.salt, JSON.parse(before['kinplan.vault']).kdf.salt, 'a new salt');
  const key = await deriveKey(NEW_PASSPHRASE, vault.kdf);
  for (const name of Object.keys(changed).filter((k) => k.startsWith('kinplan.') && k !== 'kinplan.vault')) {
    assert.notEqual(changed[name], before[name], `${name} was encrypted again`);
    await openStoredRecord(name, changed[name], key);
  }

  await page.goto(`${server.url}#/`);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.locator('#unlock-error').waitFor();
  await unlock(page, NEW_PASSPHRASE);
  await page.locator('.case-link', { hasText: FAMILY.label }).waitFor();
  expectNoProblems(page);
  await context.close();
});

test('a passphrase change cut off half-way, as by a crash, opens with the new passphrase and is finished', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await setPassphrase(page, PASSPHRASE);
  const start = await snapshot(page);
  const oldKey = await deriveKey(PASSPHRASE, JSON.parse(start['kinplan.vault']).kdf);
  const records = Object.keys(start).filter((k) => k.startsWith('kinplan.') && k !== 'kinplan.vault');
  const contents = {};
  for (const name of records) contents[name] = await openStoredRecord(name, start[name], oldKey);

  await page.goto(`${server.url}#/settings/passphrase`);
  await fillChange(page, PASSPHRASE, NEW_PASSPHRASE);
  // The lock record and one record are written; the browser dies at the next.
  await failWrites(page, { nth: 3, crash: true });
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'still under the old passphrase' }).waitFor();
  const cut = await snapshot(page);
  const vault = JSON.parse(cut['kinplan.vault']);
  assert.ok(vault.previous_key, 'the new lock record carries the old key until the change is done');
  assert.equal(vault.version, 2, 'so a Kinplan from before this refuses it rather than drop the old key');
  const newKey = await deriveKey(NEW_PASSPHRASE, vault.kdf);
  const opensWith = (name, key) => openStoredRecord(name, cut[name], key).then(() => true, () => false);
  const underNew = [];
  for (const name of records) if (await opensWith(name, newKey)) underNew.push(name);
  const underOld = records.filter((k) => !underNew.includes(k));
  assert.ok(underNew.length > 0 && underOld.length > 0, `records under both keys: ${underNew.length} of ${records.length} under the new`);
  for (const name of underOld) assert.ok(await opensWith(name, oldKey), `${name} is under the old key`);

  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.locator('#unlock-change-cut-off', { hasText: 'Use the new passphrase' }).waitFor();
  await expectAccessible(page, 'the lock screen after a cut-off change');
  await screenshot(page, 'unlock-change-cut-off');
  await unlock(page, PASSPHRASE);
  await page.locator('#unlock-error', { hasText: 'not right' }).waitFor();

  // A record that opens under neither key leaves the change unfinished:
  // the old key stays, and another change is refused.
  const spoilt = underOld[0];
  await page.evaluate(([k, v]) => localStorage.setItem(k, v.slice(0, -5) + String.fromCodePoint(v.codePointAt(v.length - 5) ^ 1) + v.slice(-4)), [spoilt, cut[spoilt]]);
  await unlock(page, NEW_PASSPHRASE);
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  assert.ok(JSON.parse(await page.evaluate(() => localStorage.getItem('kinplan.vault'))).previous_key, 'the old key is kept');
  await page.goto(`${server.url}#/settings/passphrase`);
  await fillChange(page, NEW_PASSPHRASE, 'a third passphrase');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await page.locator('[role=alert]', { hasText: 'cannot be changed yet' }).waitFor();

  // With the record whole again, the next unlock finishes the change.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [spoilt, cut[spoilt]]);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await unlock(page, NEW_PASSPHRASE);
  await page.locator('.case-link', { hasText: FAMILY.label }).click();
  await page.locator('main h1', { hasText: FAMILY.label }).waitFor();
  const finished = await snapshot(page);
  const finishedVault = JSON.parse(finished['kinplan.vault']);
  assert.equal(finishedVault.previous_key, undefined, 'the old key is gone');
  assert.equal(finishedVault.version, 1);
  for (const name of records) {
    assert.deepEqual(await openStoredRecord(name, finished[name], newKey), contents[name], `${name} holds what it held before the change`);
  }
  expectNoProblems(page);
  await context.close();
});

test('exports are encrypted or plain by choice, and an encrypted export imports with its passphrase', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await setPassphrase(page, PASSPHRASE);
  await open(page, server.url);

  const [encrypted] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all cases' }).click().then(async () => {
      await page.getByRole('dialog', { name: 'How should the export be saved?' }).waitFor();
      await expectAccessible(page, 'the export choice');
      await page.getByRole('button', { name: 'Encrypted file' }).click();
    }),
  ]);
  assert.match(encrypted.suggestedFilename(), /-encrypted\.json$/);
  const encryptedText = fs.readFileSync(await encrypted.path(), 'utf8');
  assert.ok(!encryptedText.includes(FAMILY.label));
  const opened = await openEncryptedExport(encryptedText, PASSPHRASE);
  assert.equal(opened.format, 'kinplan-export');
  assert.equal(opened.cases[0].label, FAMILY.label);
  await assert.rejects(openEncryptedExport(encryptedText, 'not my passphrase'));
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync('../fixtures/encrypted-export.json', encryptedText);

  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all cases' }).click().then(() => page.getByRole('button', { name: 'Plain file, not encrypted' }).click()),
  ]);
  assert.equal(JSON.parse(fs.readFileSync(await plain.path(), 'utf8')).cases[0].label, FAMILY.label);

  // On this device the file opens with the key in memory.
  const file = path.join(path.dirname(await encrypted.path()), 'kinplan-encrypted.json');
  fs.writeFileSync(file, encryptedText);
  await page.setInputFiles('#import-file', file);
  await page.locator('.import-preview', { hasText: 'Ready to import' }).waitFor();
  // Encrypted writes happen after the save returns, yet an import is still
  // all or nothing: the second write fails, and nothing is kept.
  const beforeImport = await snapshot(page);
  const restoreWrites = await failWrites(page, { nth: 2 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('[role=alert]', { hasText: 'Nothing was imported' }).waitFor();
  await restoreWrites();
  assert.deepEqual(await snapshot(page), beforeImport);
  assert.equal(await page.locator('.case-link').count(), 1);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.locator('.case-link', { hasText: FAMILY.label }).waitFor();
  assert.equal(await page.locator('.case-link').count(), 1, 'no half-imported case after a reload');

  // On another device it asks for the passphrase.
  const other = await watchedPage(await browser.newContext());
  await open(other, server.url);
  await other.setInputFiles('#import-file', file);
  await other.getByLabel('Passphrase for this file').fill('not my passphrase');
  await other.getByRole('button', { name: 'Open the file' }).click();
  await other.locator('#import-passphrase-error', { hasText: 'does not open this file. Nothing was changed' }).waitFor();
  await expectAccessible(other, 'the import passphrase');
  await other.getByLabel('Passphrase for this file').fill(PASSPHRASE);
  await other.getByRole('button', { name: 'Open the file' }).click();
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await other.locator('.notice', { hasText: 'Imported 1 case.' }).waitFor();
  await other.locator('.case-link', { hasText: FAMILY.label }).waitFor();
  expectNoProblems(page);
  expectNoProblems(other);
  await context.close();
});

test('two tabs: setting the lock locks the other, each sees the other\'s saves, and a new passphrase locks the other', async () => {
  const context = await browser.newContext();
  const first = await watchedPage(context);
  await importFile(first, server.url, FIXTURE);
  const second = await watchedPage(context);
  await second.goto(`${server.url}#/cases/${FAMILY.id}`);
  await second.locator('main h1', { hasText: FAMILY.label }).waitFor();
  await setPassphrase(first, PASSPHRASE);
  // The tab without the lock starts again at the lock screen, rather than
  // go on writing in the clear.
  await second.locator('main h1', { hasText: 'Kinplan is locked' }).waitFor();
  await unlock(second, PASSPHRASE);
  await second.locator('main h1', { hasText: FAMILY.label }).waitFor();

  await first.goto(`${server.url}#/cases/${FAMILY.id}`);
  await first.getByLabel('Case name').fill('Renamed in the first tab');
  await waitSaved(first);
  // The second tab decrypts the other tab's save and shows it.
  await second.locator('main h1', { hasText: 'Renamed in the first tab' }).waitFor();
  await second.getByLabel('Case name').fill('Renamed in the second tab');
  await waitSaved(second);
  await first.locator('main h1', { hasText: 'Renamed in the second tab' }).waitFor();

  await first.goto(`${server.url}#/settings/passphrase`);
  await fillChange(first, PASSPHRASE, NEW_PASSPHRASE);
  await first.getByRole('button', { name: 'Change passphrase' }).click();
  await first.locator('.notice', { hasText: 'The passphrase has been changed' }).waitFor();
  // The old key no longer fits: the second tab locks rather than write with it.
  await second.locator('main h1', { hasText: 'Kinplan is locked' }).waitFor();
  await unlock(second, NEW_PASSPHRASE);
  await second.locator('main h1', { hasText: 'Renamed in the second tab' }).waitFor();
  expectNoProblems(first);
  expectNoProblems(second);
  await context.close();
});

test('a tampered encrypted case opens as damaged with its data to download, and the case list still opens', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await setPassphrase(page, PASSPHRASE);
  // One character of the case's ciphertext changed: GCM's tag no longer fits.
  await page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    const at = raw.length - 5;
    localStorage.setItem(key, raw.slice(0, at) + String.fromCodePoint(raw.codePointAt(at) ^ 1) + raw.slice(at + 1));
  }, `kinplan.case.${FAMILY.id}`);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.locator('.case-link', { hasText: FAMILY.label }).click();
  await page.locator('main h1', { hasText: 'This case is damaged' }).waitFor();
  await page.getByRole('button', { name: 'Download the saved data' }).waitFor();
  expectNoProblems(page);
  await context.close();
});

test('an encrypted write that fails after the save returned shows on the case, and the next edit saves it', async () => {
  const { context, page } = await openFamilyWithPassphrase();
  const restoreWrites = await failWrites(page, { key: `kinplan.case.${FAMILY.id}` });
  await page.getByLabel('Case name').fill('Written while storage was full');
  await page.locator('.save-status[data-status="not-saved"]', { hasText: 'storage is full' }).waitFor();
  assert.equal(await page.locator('.error-summary', { hasText: 'Your last change was not saved on this device' }).count(), 0,
    'the case shows its own failure, not a second banner');

  await restoreWrites();
  await page.getByLabel('Case name').fill('Written once there was room');
  await waitSaved(page);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.locator('.case-link', { hasText: 'Written once there was room' }).waitFor();
  expectNoProblems(page);
  await context.close();
});

test('a reload while an encrypted write is still being made asks first, and then loses nothing', async () => {
  const { context, page } = await openFamilyWithPassphrase();
  const key = `kinplan.case.${FAMILY.id}`;
  const sealedBefore = (await snapshot(page))[key];
  // Hold every encryption until the test lets it go: the write behind the
  // save stays in flight, as on a slow tablet.
  await page.evaluate(() => {
    const subtle = crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    const held = new Promise((resolve) => { window.releaseEncryption = resolve; });
    subtle.encrypt = (...args) => held.then(() => encrypt(...args));
  });
  await page.getByLabel('Case name').fill('Renamed just before a reload');
  await waitSaved(page);

  const asked = new Promise((resolve) => page.once('dialog', async (dialog) => {
    resolve(dialog.type());
    await dialog.dismiss();
  }));
  await page.evaluate(() => { setTimeout(() => location.reload(), 0); });
  assert.equal(await asked, 'beforeunload', 'the browser asks before leaving with a write in flight');
  assert.equal(await page.getByLabel('Case name').inputValue(), 'Renamed just before a reload',
    'staying keeps the page as it was');
  assert.equal((await snapshot(page))[key], sealedBefore, 'nothing is stored while the encryption is held');

  await page.evaluate(() => window.releaseEncryption());
  await page.waitForFunction(([k, old]) => localStorage.getItem(k) !== old, [key, sealedBefore]);
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.goto(`${server.url}#/cases/${FAMILY.id}`);
  await page.locator('main h1', { hasText: 'Renamed just before a reload' }).waitFor();
  const raw = await deriveKey(PASSPHRASE, JSON.parse((await snapshot(page))['kinplan.vault']).kdf);
  const stored = await openStoredRecord(key, (await snapshot(page))[key], raw);
  assert.equal(stored.case.label, 'Renamed just before a reload');
  expectNoProblems(page);
  await context.close();
});
