// The data spine under stress: nothing a worker typed is ever lost, and
// every storage fault gets a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, open, expectAccessible, screenshot, storedCases, expectNoProblems,
  createCase, waitSaved, downloadText, scratchFile,
} from './support.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a reload straight after typing keeps what was typed', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const id = await createCase(page, server.url, 'Reload family');
  await page.click('text=Add a child');
  await page.locator('input[id$="-name"]').focus();
  await page.keyboard.type('Amelia');
  // No pause for the autosave timer: the pagehide flush must catch it.
  await page.reload();
  await page.locator('main h1', { hasText: 'Reload family' }).waitFor();
  assert.equal(await page.inputValue('input[id$="-name"]'), 'Amelia');
  const stored = await storedCases(page);
  assert.equal(stored[id].case.children[0].first_name, 'Amelia');
  expectNoProblems(page);
  await context.close();
});

test('a full quota keeps the edit on screen, says why, and offers a download', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await createCase(page, server.url, 'Quota family');
  await page.click('text=Add a child');
  await waitSaved(page);
  // Another app on this site fills the browser's storage.
  const filled = await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
      try { for (;;) localStorage.setItem(`other-app.${n++}`, 'x'.repeat(size)); } catch { /* next size down */ }
    }
    return n;
  });
  assert.ok(filled > 4);
  await page.fill('input[id$="-name"]', 'Bartholomew the Third');
  await page.locator('.save-status[data-status="not-saved"]').waitFor();
  assert.match(await page.locator('.save-status').textContent(), /^Not saved: storage is full$/);
  const alert = page.locator('.error-summary', { hasText: 'Your changes are not saved' });
  assert.match(await alert.textContent(), /Kinplan is using \d+ KB/);
  assert.equal(await page.inputValue('input[id$="-name"]'), 'Bartholomew the Third');
  await screenshot(page, 'quota-full');

  const { name, text } = await downloadText(page, 'button:text-is("Download this case")');
  assert.match(name, /^kinplan-quota-family-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(text).cases[0].children[0].first_name, 'Bartholomew the Third');

  // Space is freed: trying again saves.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other-app.')).forEach((k) => localStorage.removeItem(k)));
  await page.click('text=Try saving again');
  await waitSaved(page);
  const stored = Object.values(await storedCases(page))[0];
  assert.equal(stored.case.children[0].first_name, 'Bartholomew the Third');
  await context.close();
});

test('a corrupt case is marked damaged, its text can be downloaded, and other cases are untouched', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const good = await createCase(page, server.url, 'Good family');
  const bad = await createCase(page, server.url, 'Damaged family');
  const corrupt = '{"schema_version":1,"revision":3,"case":{"id":"' + bad + '","label":"Dam';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`kinplan.case.${bad}`, corrupt]);

  await open(page, server.url);
  assert.equal(await page.locator('.case-link').count(), 2);
  await page.click('text=Damaged family');
  await page.locator('main h1', { hasText: 'This case is damaged' }).waitFor();
  await expectAccessible(page, 'a damaged case');
  const { text } = await downloadText(page, 'text=Download the saved data');
  assert.equal(text, corrupt);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `kinplan.case.${bad}`), corrupt, 'the damaged text is kept');

  await page.goto(`${server.url}#/cases/${good}`);
  await page.locator('main h1', { hasText: 'Good family' }).waitFor();
  await context.close();
});

test('a case from a newer version opens read-only and is never overwritten', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const id = await createCase(page, server.url, 'Future family');
  const key = `kinplan.case.${id}`;
  // A newer version wrote it (as plain JSON, which every version reads).
  const stored = (await storedCases(page))[id];
  stored.schema_version = 99;
  const newer = JSON.stringify(stored);
  await page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, newer]);
  await page.reload();
  await page.locator('main h1', { hasText: 'Future family' }).waitFor();
  assert.match(await page.locator('.warning-text').textContent(), /newer version of Kinplan/);
  assert.equal(await page.locator('.save-status').textContent(), 'Read only');
  assert.ok(await page.locator('#case-label').isDisabled());
  await page.goto(server.url);
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), newer);
  expectNoProblems(page);
  await context.close();
});

test('two tabs: edits in one appear in the other, and a clash keeps both versions', async () => {
  const context = await browser.newContext();
  const first = await watchedPage(context);
  const id = await createCase(first, server.url, 'Two tab family');
  const second = await watchedPage(context);
  await second.goto(`${server.url}#/cases/${id}`);
  await second.locator('main h1', { hasText: 'Two tab family' }).waitFor();

  await first.fill('#case-label', 'Two tab family (renamed)');
  await second.locator('main h1', { hasText: 'Two tab family (renamed)' }).waitFor();

  // Both tabs edit before either save lands.
  await first.fill('#case-label', 'Edited in the first tab');
  await second.fill('#case-label', 'Edited in the second tab');
  await second.locator('.save-status[data-status="conflict"]').waitFor();
  await waitSaved(first);
  assert.match(await second.locator('[role=alert]').textContent(), /changed in another tab/);
  await screenshot(second, 'two-tabs-conflict');

  await second.click('text=Keep both: save mine as a new case');
  await waitSaved(second);
  assert.equal(await second.inputValue('#case-label'), 'Edited in the first tab');
  const labels = Object.values(await storedCases(second)).map((s) => s.case.label).sort();
  assert.deepEqual(labels, ['Edited in the first tab', 'Edited in the second tab (copy)']);
  await context.close();
});

test('export all then import into an empty browser gives equal data', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await createCase(page, server.url, 'Export family');
  await page.click('text=Add a child');
  await page.fill('input[id$="-name"]', 'Amy');
  await page.fill('input[id$="-dob"]', '2020-04-14');
  await page.click('text=Add a person');
  await page.fill('input[id^="network-"][id$="-name"]', 'Jenny Smith');
  await page.fill('input[id$="-relationship"]', 'Mum');
  await waitSaved(page);
  await createCase(page, server.url, 'Second family');
  await waitSaved(page);
  await open(page, server.url);
  const before = await storedCases(page);

  const { name, text } = await downloadText(page, 'text=Export all cases');
  assert.match(name, /^kinplan-all-cases-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(await page.locator('.export-all').textContent(), /Last exported/);
  const file = scratchFile(name, text);

  // A new device: empty storage.
  const fresh = await browser.newContext();
  const other = await watchedPage(fresh);
  await open(other, server.url);
  await other.setInputFiles('#import-file', file);
  await other.locator('.import-preview').waitFor();
  assert.match(await other.locator('.import-preview').textContent(), /New cases \(2\)/);
  await expectAccessible(other, 'the import preview');
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await other.locator('.notice', { hasText: 'Imported 2 cases.' }).waitFor();
  const after = await storedCases(other);
  assert.deepEqual(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v.case])),
    Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.case])));

  // The same file again: the user chooses to keep both.
  await other.setInputFiles('#import-file', file);
  await other.locator('.import-preview', { hasText: 'Already on this device (2)' }).waitFor();
  await other.check('text=Keep both: import them as copies');
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await other.locator('.notice', { hasText: 'Imported 2 cases.' }).waitFor();
  assert.equal(Object.keys(await storedCases(other)).length, 4);
  expectNoProblems(other);
  await fresh.close();
  await context.close();
});

test('a bad import lists its errors with JSON paths and writes nothing', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, server.url);
  const file = scratchFile('bad.json', JSON.stringify({
    format: 'kinplan-export', schema_version: 1, exported: '2026-11-21T16:00:00Z',
    cases: [
      { id: '6f1c1b8e-2f7a-4c1e-9a57-0d6a3f0d9b11', label: 'A', created: '2026-09-01T09:30:00Z', updated: '2026-09-01T09:30:00Z',
        children: [{ id: '3eab8d7f-2a4c-4b6d-9f5e-4d5e6f708192', first_name: 'Amy', age: { date_of_birth: 'last spring' } }] },
      { id: 'not-an-id', label: 'B', created: '2026-09-01T09:30:00Z', updated: '2026-09-01T09:30:00Z' },
    ],
  }));
  await page.setInputFiles('#import-file', file);
  const summary = page.locator('.error-summary', { hasText: 'cannot be imported' });
  await summary.waitFor();
  const errors = await summary.locator('li').allTextContents();
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^cases\[0\]\.children\[0\]\.age\.date_of_birth: not a valid date/);
  assert.match(errors[1], /^cases\[1\]\.id: /);
  assert.deepEqual(await storedCases(page), {});
  await expectAccessible(page, 'import errors');
  await screenshot(page, 'import-errors');
  await context.close();
});

test('cases can be renamed, duplicated, searched, and deleted with undo', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await createCase(page, server.url, 'Adams family');
  await createCase(page, server.url, 'Baker family');
  await open(page, server.url);

  const row = (label) => page.locator('section[aria-labelledby=case-list-heading] .case-row', { has: page.locator('.case-link', { hasText: label }) });
  await row('Adams family').locator('text=Rename').click();
  await page.fill('input[id^="rename-"]', 'Adams-Jones family');
  await page.click('text=Save name');
  await row('Adams-Jones family').waitFor();

  await row('Baker family').locator('text=Duplicate').click();
  await page.locator('.case-link', { hasText: 'Baker family (copy)' }).waitFor();

  await page.fill('#case-search', 'baker');
  assert.deepEqual(await page.locator('.case-list .case-link').allTextContents(), ['Baker family (copy)', 'Baker family']);
  await page.selectOption('#case-order', 'name');
  assert.deepEqual(await page.locator('.case-list .case-link').allTextContents(), ['Baker family', 'Baker family (copy)']);
  await page.fill('#case-search', '');

  await row('Adams-Jones family').locator('text=Delete').click();
  await page.locator('.notice', { hasText: 'moved to the bin' }).waitFor();
  assert.equal(await row('Adams-Jones family').count(), 0);
  await page.click('.notice >> text=Undo');
  await row('Adams-Jones family').waitFor();

  await row('Adams-Jones family').locator('text=Delete').click();
  await page.click('summary:has-text("Bin (1)")');
  await expectAccessible(page, 'the case list with the bin open');
  await screenshot(page, 'case-list-bin');
  await page.click('.bin >> text=Restore');
  await row('Adams-Jones family').waitFor();
  expectNoProblems(page);
  await context.close();
});

test('leaving a case straight after typing saves the edit, and the app carries on without error', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const id = await createCase(page, server.url, 'Quick family');
  await page.click('text=Add a child');
  await page.fill('input[id^="child-"][id$="-name"]', 'Amy');
  // Away within the 300 ms autosave delay: the save happens on the way out,
  // and the pending autosave must not fire into the closed case.
  await page.click('header a:text-is("Cases")');
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  await page.waitForTimeout(500);
  const stored = (await storedCases(page))[id].case;
  assert.equal(stored.children[0].first_name, 'Amy');
  await page.click('.case-link');
  await page.locator('main h1', { hasText: 'Quick family' }).waitFor();
  assert.equal(await page.inputValue('input[id^="child-"][id$="-name"]'), 'Amy');
  expectNoProblems(page);
  await context.close();
});

test('creating a case asks the browser to keep the data, and Settings says what it decided', async () => {
  const context = await browser.newContext();
  // The answer is the browser's own (Chromium's comes from how much a site
  // is used), so it is scripted: no, no, then yes.
  await context.addInitScript(() => {
    window.keepAsked = 0;
    let kept = false;
    navigator.storage.persisted = async () => kept;
    navigator.storage.persist = async () => { window.keepAsked += 1; kept = window.keepAsked >= 3; return kept; };
  });
  const page = await watchedPage(context);
  await createCase(page, server.url, 'Nowak family');
  await page.waitForFunction(() => window.keepAsked === 1);

  await page.goto(`${server.url}#/settings`);
  const section = page.locator('.storage-kept');
  await section.getByText('may clear Kinplan’s data if this device runs very short of space').waitFor();
  await expectAccessible(page, 'settings, with the browser not keeping the data');
  const ask = section.getByRole('button', { name: 'Ask the browser to keep it' });
  await ask.focus();
  await page.keyboard.press('Enter');
  await section.getByRole('status').filter({ hasText: 'The browser said no for now' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ask the browser to keep it', 'focus stays on the button');
  await page.keyboard.press('Enter');
  await section.getByRole('status').filter({ hasText: 'Done: your browser will keep Kinplan’s data.' }).waitFor();
  await section.getByText('Your browser keeps Kinplan’s data on this device until you clear it.').waitFor();
  assert.equal(await section.getByRole('button').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kept-heading', 'focus moves to the section, not the page');
  assert.equal(await page.evaluate(() => window.keepAsked), 3);
  expectNoProblems(page);
  await context.close();
});
