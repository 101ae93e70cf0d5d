// Nothing lost (issue 16): what only a browser can show of the storage
// rules the host simulation checks (tests/storage_simulation.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, open, expectNoProblems, importFile, storedCases, createCase, waitSaved, scratchFile, screenshot, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const FIXTURE = SAMPLE_FAMILY;

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const revision = async (page, id) => {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `kinplan.case.${id}`);
  return JSON.parse(raw.slice(1, raw.indexOf('\u0002'))).revision;
};

/** Makes every write of `prefix` keys fail as a full quota does, until undone. */
const failWrites = (page, prefix) => page.evaluate((prefix) => {
  window.realSetItem ??= Storage.prototype.setItem;
  window.realRemoveItem ??= Storage.prototype.removeItem;
  Storage.prototype.setItem = function (key, value) {
    if (key.startsWith(prefix)) throw new DOMException('full', 'QuotaExceededError');
    return window.realSetItem.call(this, key, value);
  };
  Storage.prototype.removeItem = function (key) {
    if (key.startsWith(prefix)) throw new DOMException('refused', 'SecurityError');
    return window.realRemoveItem.call(this, key);
  };
}, prefix);
const allowWrites = (page) => page.evaluate(() => {
  Storage.prototype.setItem = window.realSetItem;
  Storage.prototype.removeItem = window.realRemoveItem;
});

test('"Keep mine" writes a higher revision, and the other tab then clashes instead of overwriting it', async () => {
  const context = await browser.newContext();
  const first = await watchedPage(context);
  const id = await createCase(first, server.url, 'Clash family');
  const second = await watchedPage(context);
  await second.goto(`${server.url}#/cases/${id}`);
  await second.locator('main h1', { hasText: 'Clash family' }).waitFor();

  await first.fill('#case-label', 'First tab');
  await second.fill('#case-label', 'Second tab');
  await second.locator('.save-status[data-status="conflict"]').waitFor();
  await waitSaved(first);
  const before = await revision(first, id);
  // The first tab hears of what follows late: its storage events wait.
  await first.evaluate(() => { Object.defineProperty(StorageEvent.prototype, 'key', { get: () => 'kinplan.not-yet' }); });
  await second.click('text=Keep mine: replace the other version');
  await waitSaved(second);
  assert.ok(await revision(second, id) > before, 'keep mine wrote a higher revision');

  // The first tab, which had loaded the version it saved, types again
  // before the other tab's storage event is handled: a clash, not an overwrite.
  await first.fill('#case-label', 'First tab again');
  await first.locator('.save-status[data-status="conflict"]').waitFor();
  assert.equal((await storedCases(first))[id].case.label, 'Second tab');
  expectNoProblems(second);
  await context.close();
});

test('an import that replaces a case open in another tab shows there, and never goes back a revision', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  const id = Object.keys(await storedCases(page))[0];
  const reader = await watchedPage(context);
  await reader.goto(`${server.url}#/cases/${id}`);
  await reader.locator('main h1').waitFor();
  await reader.fill('#case-label', 'Edited before the import');
  await waitSaved(reader);
  const edited = await revision(reader, id);

  const file = sampleFamily();
  file.cases[0].label = 'From the file';
  await open(page, server.url);
  await page.setInputFiles('#import-file', scratchFile('replace.json', JSON.stringify(file)));
  await page.check('text=Replace the copies on this device');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.notice', { hasText: 'Imported 1 case.' }).waitFor();
  assert.ok(await revision(page, id) > edited, 'the import wrote above the edited revision');
  await reader.locator('main h1', { hasText: 'From the file' }).waitFor();
  expectNoProblems(reader);
  await context.close();
});

test('"Replace" chosen for one file and cancelled is not what the next file does: it starts from keeping both', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  const id = Object.keys(await storedCases(page))[0];
  const file = sampleFamily();
  file.cases[0].label = 'From the file';
  const clash = scratchFile('clash.json', JSON.stringify(file));

  await open(page, server.url);
  await page.setInputFiles('#import-file', clash);
  await page.check('text=Replace the copies on this device');
  await page.locator('.import-preview').getByRole('button', { name: 'Cancel' }).click();
  await page.setInputFiles('#import-file', clash);
  // What the screen shows is what happens.
  assert.ok(await page.isChecked('text=Keep both: import them as copies'));
  assert.ok(!(await page.isChecked('text=Replace the copies on this device')));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.notice', { hasText: 'Imported 1 case.' }).waitFor();
  const stored = await storedCases(page);
  assert.equal(Object.keys(stored).length, 2, 'kept both: the case on the device and a copy');
  assert.notEqual(stored[id].case.label, 'From the file', 'the case on the device was not replaced');
  expectNoProblems(page);
  await context.close();
});

test('"Restore", "Delete for good" and "Undo" with storage failing say so and lose nothing', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await createCase(page, server.url, 'Bin family');
  await open(page, server.url);
  const records = async () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kinplan.case.')).length);

  await page.getByRole('button', { name: /Delete/ }).first().click();
  await page.locator('.notice', { hasText: 'moved to the bin' }).waitFor();
  await failWrites(page, 'kinplan.');
  await page.locator('.notice').getByRole('button', { name: 'Undo' }).click();
  await page.locator('.notice', { hasText: 'could not be taken out of the bin' }).waitFor();

  await page.locator('.bin summary').click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.locator('.bin [role=alert]', { hasText: 'Not restored' }).waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await page.locator('.bin [role=alert]', { hasText: 'Not deleted' }).waitFor();
  await screenshot(page, 'bin-storage-failing');
  assert.equal(await records(), 1, 'the case is still stored');

  await allowWrites(page);
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.locator('.case-link', { hasText: 'Bin family' }).waitFor();
  expectNoProblems(page);
  await context.close();
});

test('a half-written map entry and review survive a reload', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  const stored = Object.values(await storedCases(page))[0].case;
  await page.goto(`${server.url}#/cases/${stored.id}/map`);
  await page.locator('#add-next-steps').fill('Dad said he will stop dri');
  const plan = stored.documents.plans[0];
  await page.goto(`${server.url}#/cases/${stored.id}/plans/${plan.id}`);
  await page.fill('#review-decisions', 'The plan continues; Nan helps on Fri');
  await page.fill('#review-scale', '6');
  await page.reload();
  await page.locator('#review-decisions').waitFor();
  assert.equal(await page.inputValue('#review-decisions'), 'The plan continues; Nan helps on Fri');
  assert.equal(await page.inputValue('#review-scale'), '6');
  await page.goto(`${server.url}#/cases/${stored.id}/map`);
  await page.locator('#add-next-steps').waitFor();
  assert.equal(await page.inputValue('#add-next-steps'), 'Dad said he will stop dri');

  // Adding it clears the draft: a reload shows an empty box.
  await page.fill('#add-next-steps', 'Dad said he will stop drinking');
  await page.getByRole('button', { name: 'Add to next steps' }).click();
  await waitSaved(page);
  await page.reload();
  await page.locator('#add-next-steps').waitFor();
  assert.equal(await page.inputValue('#add-next-steps'), '');
  expectNoProblems(page);
  await context.close();
});
