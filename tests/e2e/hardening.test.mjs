// Hardening: what a curious child holding the tablet, or an unlucky file,
// must never be able to do. Each test here failed on the build of 22 Nov
// 2026 (issue 15).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, open, expectAccessible, expectNoProblems, screenshot, importFile, storedCases, scratchFile, downloadText, waitSaved, createCase, setPassphrase as setPassphraseAt, unlock as unlockWith, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const FIXTURE = SAMPLE_FAMILY;
const fixture = sampleFamily();
const family = fixture.cases[0];
const ola = family.children.find((c) => c.first_name === 'Ola');
const plan = family.documents.plans[0];
const PASSPHRASE = 'correct horse battery staple';
const CODE = '2468';
// U+212A KELVIN SIGN and U+0130 LATIN CAPITAL I WITH DOT: both change
// length when lower-cased, which once cut a string mid-letter.
const CRASH_TEXT = '\u212a core group \u0130\u0130';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const setPassphrase = (page) => setPassphraseAt(page, server.url, PASSPHRASE);
const unlock = (page) => unlockWith(page, PASSPHRASE);

/** The worker hands the tablet to Ola from the Three Houses page. */
async function startChildMode(page) {
  await page.goto(`${server.url}#/cases/${family.id}/three-houses`);
  await page.locator('main h1', { hasText: 'Three Houses' }).waitFor();
  await page.getByLabel('Ola', { exact: true }).check();
  await page.fill('#child-lock-code', CODE);
  await page.click('text=Start child mode');
  await page.locator('main h1', { hasText: "Ola's houses" }).waitFor();
}

/** Holds "Grown-ups" by keyboard long enough to ask for the code. */
async function askForCode(page) {
  await page.getByRole('button', { name: 'Grown-ups' }).focus();
  await page.keyboard.down('Enter');
  await page.locator('#grown-up-code').waitFor({ timeout: 10000 });
  await page.keyboard.up('Enter');
}

async function typeCode(page, code) {
  await page.fill('#grown-up-code', code);
  await page.keyboard.press('Enter');
}

/** Moves the page's clock on by `ms`, as the idle lock and the code wait read it. */
const moveClock = (page, ms) => page.evaluate((ms) => {
  const real = Date.now;
  Date.now = () => real() + ms;
  const RealDate = Date;
  // chrono reads the time through `new Date()`.
  globalThis.Date = class extends RealDate {
    constructor(...args) { if (args.length === 0) super(real() + ms); else super(...args); }
    static now() { return real() + ms; }
  };
}, ms);

/** Makes every write of a case record fail as a full quota does. */
const fillStorage = (page) => page.evaluate(() => {
  window.realSetItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key.startsWith('kinplan.case.')) throw new DOMException('full', 'QuotaExceededError');
    return window.realSetItem.call(this, key, value);
  };
});
const emptyStorage = (page) => page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });

/** No element is wider than the screen. */
async function expectNoSidewaysScroll(page, where) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${where} scrolls sideways by ${wide} px`);
}

test('with a passphrase, a reload or the idle lock in child mode offers the child no way to clear the device', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await setPassphrase(page);
  await page.getByLabel('Lock after this long without use').selectOption('1');
  await startChildMode(page);

  // A pull-to-refresh locks Kinplan: the lock screen asks for the worker.
  await page.reload();
  await page.locator('.child-ask-worker', { hasText: 'Please ask your worker to unlock Kinplan' }).waitFor();
  assert.equal(await page.getByText('Forgotten your passphrase?').count(), 0);
  assert.equal(await page.getByRole('button', { name: /Clear/ }).count(), 0);
  await expectAccessible(page, 'the lock screen in child mode');
  await screenshot(page, 'child-mode-locked');
  await unlock(page);
  await page.locator('main h1', { hasText: "Ola's houses" }).waitFor();
  assert.equal(await page.locator('.app-header').count(), 0, 'unlocking goes back to child mode');

  // Idle past the lock: the same.
  await moveClock(page, 2 * 60 * 1000);
  await page.locator('.child-ask-worker', { hasText: 'Please ask your worker to unlock Kinplan' }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByText('Forgotten your passphrase?').count(), 0);
  await unlock(page);
  await page.locator('main h1', { hasText: "Ola's houses" }).waitFor();
  assert.ok(await page.evaluate((id) => localStorage.getItem(`kinplan.case.${id}`)?.startsWith('\u0003'), family.id),
    'the case is still there, encrypted');
  expectNoProblems(page);
  await context.close();
});

test('wrong child-lock codes slow down, and the code is stored only as a salted hash', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await startChildMode(page);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('kinplan.child-lock')));
  assert.ok(!JSON.stringify(stored).includes(CODE), 'the code is not stored');

  await askForCode(page);
  for (let i = 1; i <= 4; i++) {
    await typeCode(page, `111${i}`);
    await page.locator('.error-message', { hasText: 'That code is not right. Child mode is still on.' }).waitFor();
  }
  await typeCode(page, '1115');
  await page.locator('.error-message', { hasText: 'the next one must wait 30 seconds' }).waitFor();
  // Even the right code waits, and a reload does not reset the count.
  await page.reload();
  await page.locator('main h1', { hasText: "Ola's houses" }).waitFor();
  await askForCode(page);
  await typeCode(page, CODE);
  await page.locator('.error-message', { hasText: /Too many wrong codes\. Try again in \d+ seconds/ }).waitFor();
  await moveClock(page, 31 * 1000);
  await typeCode(page, CODE);
  await page.locator('main h1', { hasText: 'Three Houses' }).waitFor();
  expectNoProblems(page);
  await context.close();
});

test('a tab opened before child mode started enters it at once', async () => {
  const context = await browser.newContext();
  const worker = await watchedPage(context);
  await importFile(worker, server.url, FIXTURE);
  const other = await watchedPage(context);
  await open(other, server.url, '#/settings');
  await other.locator('main h1', { hasText: 'Practice profile' }).waitFor();

  await startChildMode(worker);
  await other.locator('main h1', { hasText: "Ola's houses" }).waitFor();
  assert.equal(await other.locator('.app-header').count(), 0);
  await other.evaluate(() => { location.hash = '#/settings'; });
  await other.locator('main h1', { hasText: "Ola's houses" }).waitFor();

  // And both leave it when the worker's code is typed in one.
  await askForCode(worker);
  await typeCode(worker, CODE);
  await worker.locator('main h1', { hasText: 'Three Houses' }).waitFor();
  await other.locator('.app-header').waitFor();
  expectNoProblems(worker);
  expectNoProblems(other);
  await context.close();
});

test('when storage is full in child mode, the child is asked to fetch the worker and sees no worker panel', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await startChildMode(page);
  await fillStorage(page);
  await page.getByRole('button', { name: /House of Good Things/ }).click();
  await page.getByRole('button', { name: 'I want to write' }).click();
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type('my bike');

  await page.locator('.child-ask-worker', { hasText: 'Please ask your worker' }).waitFor();
  for (const panel of ['Download this case', 'Keep both', 'Keep mine', 'Download']) {
    assert.equal(await page.getByRole('button', { name: panel }).count(), 0, `the child is offered "${panel}"`);
  }
  assert.equal(await page.getByText('Your changes are not saved').count(), 0);
  await expectAccessible(page, 'child mode, storage full');
  await screenshot(page, 'child-mode-storage-full');

  // The worker's code shows the worker what is wrong, in place.
  await askForCode(page);
  await typeCode(page, CODE);
  await page.getByRole('button', { name: 'Download this case' }).waitFor();
  await emptyStorage(page);
  await context.close();
});

test('in child mode, what someone else said stays theirs', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/i-have-i-am-i-can`);
  await page.locator('main h1', { hasText: 'I have, I am, I can' }).waitFor();
  await page.getByRole('button', { name: 'Add an “I am” statement' }).click();
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type('kind to her brother');
  await page.getByLabel('Someone else, about Ola').check();
  await page.getByLabel('Who said it?').fill('Nan');
  await waitSaved(page);

  await page.fill('#child-lock-code', CODE);
  await page.click('text=Start child mode');
  await page.locator('main h1', { hasText: "Ola's houses" }).waitFor();
  await page.getByRole('button', { name: /I have, I am, I can/ }).click();
  await page.locator('main h1', { hasText: 'I have, I am, I can' }).waitFor();
  // The words as the worker wrote them, credited to Nan.
  await page.getByText(/^Nan says: (I am )?kind to her brother$/).waitFor();
  const editable = await page.evaluate(() => [...document.querySelectorAll('textarea, input[type=text]')].some((e) => e.value.includes('kind to her brother')));
  assert.equal(editable, false, 'the child can edit what Nan said');
  await expectAccessible(page, "child mode, Nan's words");
  await context.close();
});

test('text whose letters change length in lower case cannot stop a plan, typed or imported', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const withCrashText = structuredClone(fixture);
  withCrashText.cases[0].documents.plans[0].actions[0].what = CRASH_TEXT;
  await importFile(page, server.url, scratchFile('crash-text.json', JSON.stringify(withCrashText)));
  await page.goto(`${server.url}#/cases/${family.id}/plans/${plan.id}`);
  await page.locator('#plan-contingency').fill(CRASH_TEXT);
  await waitSaved(page);
  await page.reload();
  await page.locator('main h1', { hasText: /plan/ }).waitFor();
  assert.equal(await page.inputValue('#plan-contingency'), CRASH_TEXT);
  assert.equal(await page.locator('.crash-page').count(), 0);
  await page.click("text=Print the family's plan");
  await page.getByRole('button', { name: 'Print' }).waitFor();
  assert.ok((await page.locator('main').textContent()).includes(CRASH_TEXT));
  expectNoProblems(page);
  await context.close();
});

test('a practice profile with an absurd number is refused, naming the field', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, server.url, '#/settings');
  const { text } = await downloadText(page, 'text=Export this profile');
  const england = JSON.parse(text);
  const easter = structuredClone(england);
  const rule = easter.holidays.rules.findIndex((r) => JSON.stringify(r).includes('"offset"'));
  // The rule's shape is whatever the export wrote; only its offset changes.
  const setOffset = (v) => { if (v && typeof v === 'object') { if ('offset' in v) v.offset = 1e9; Object.values(v).forEach(setOffset); } };
  setOffset(easter.holidays.rules[rule]);
  const visits = structuredClone(england);
  visits.timescales.cin_visit_every = { working_days: 4294967295 };

  await page.setInputFiles('#profile-file', scratchFile('easter.json', JSON.stringify(easter)));
  await page.locator('[role=alert]', { hasText: `holidays.rules[${rule}]` }).waitFor();
  await page.setInputFiles('#profile-file', scratchFile('visits.json', JSON.stringify(visits)));
  await page.locator('[role=alert]', { hasText: 'timescales.cin_visit_every' }).waitFor();
  assert.equal(await page.inputValue('#profile-name'), 'England (Working Together defaults)');
  await screenshot(page, 'profile-refused');

  // Typed in, the same number is refused before it is kept.
  await page.fill('#timescale-cin_visit_every-count', '4294967295');
  await page.press('#timescale-cin_visit_every-count', 'Tab');
  await page.locator('[role=alert]', { hasText: 'Not changed' }).waitFor();
  assert.equal(await page.inputValue('#timescale-cin_visit_every-count'), '4');
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/plans/${plan.id}`);
  await page.locator('.schedule tbody tr').first().waitFor();
  expectNoProblems(page);
  await context.close();
});

for (const locked of [false, true]) {
  test(`if Kinplan ever stops, a plain page offers a reload and a backup that imports back${locked ? ', with a passphrase' : ''}`, async () => {
    const context = await browser.newContext();
    const page = await watchedPage(context);
    await importFile(page, server.url, FIXTURE);
    if (locked) await setPassphrase(page);
    const before = await page.evaluate(() => Object.keys(localStorage).length);
    await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable'), message: 'unreachable' })));
    await page.locator('.crash-page h1', { hasText: 'Something went wrong' }).waitFor();
    await page.getByRole('button', { name: 'Reload Kinplan' }).waitFor();
    await expectAccessible(page, 'the crash page');
    await screenshot(page, `crash-page${locked ? '-locked' : ''}`);
    const backup = await downloadText(page, '#crash-backup');
    assert.match(backup.name, /^kinplan-backup-.*\.json$/);
    assert.equal(JSON.parse(backup.text).format, 'kinplan-device-backup');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).length), before, 'nothing was removed');

    const fresh = await watchedPage(await browser.newContext());
    await open(fresh, server.url);
    await fresh.setInputFiles('#import-file', scratchFile('backup.json', backup.text));
    if (locked) {
      await fresh.getByLabel('Passphrase for this file').fill(PASSPHRASE);
      await fresh.getByRole('button', { name: 'Open the file' }).click();
    }
    await fresh.getByRole('button', { name: 'Import', exact: true }).click();
    await fresh.locator('.notice', { hasText: 'Imported 1 case.' }).waitFor();
    const imported = (await storedCases(fresh))[family.id].case;
    assert.deepEqual(imported.documents, family.documents);
    assert.deepEqual(imported.children, family.children);
    expectNoProblems(fresh);
    await context.close();
  });
}

test('import reads a byte-order mark and UTF-16, and refuses duplicate keys and blank names with what to do', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const json = JSON.stringify(fixture);

  await importFile(page, server.url, scratchFile('bom.json', `\ufeff${json}`));
  // A second case: a fresh id, so it is not a clash.
  const second = JSON.parse(json);
  second.cases[0].id = '0b7c1d8e-51a5-4c67-9a2f-5f3c8f0e7a11';
  second.cases[0].label = 'UTF-16 family';
  const bytes16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(second), 'utf16le')]);
  await importFile(page, server.url, scratchFile('utf16.json', bytes16));
  await page.locator('.case-link', { hasText: 'UTF-16 family' }).waitFor();

  const refused = async (name, content, message) => {
    await open(page, server.url);
    await page.setInputFiles('#import-file', scratchFile(name, content));
    await page.locator('[role=alert]', { hasText: message }).waitFor();
  };
  await refused('no-bom.json', Buffer.from(json, 'utf16le'), 'save it as UTF-8');
  const twice = json.replace('"label":', '"label":"First name",\n"label":');
  await refused('twice.json', twice, 'cases[0].label');
  const blank = structuredClone(fixture);
  blank.cases[0].id = '6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f';
  blank.cases[0].label = '\u200b\u200d\ufeff';
  await refused('blank.json', JSON.stringify(blank), 'a case needs a name');
  expectNoProblems(page);
  await context.close();
});

test('a 300-letter word wraps at 320 px wide, in the list, the case and its plan', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await watchedPage(context);
  const word = 'Przewłocki'.repeat(30);
  const long = structuredClone(fixture);
  long.cases[0].label = word;
  long.cases[0].children[0].first_name = word.slice(0, 200);
  long.cases[0].documents.plans[0].actions[0].what = word;
  await importFile(page, server.url, scratchFile('long.json', JSON.stringify(long)));
  await expectNoSidewaysScroll(page, 'the case list');
  await page.goto(`${server.url}#/cases/${family.id}`);
  await page.locator('main h1').waitFor();
  await expectNoSidewaysScroll(page, 'the case overview');
  await page.goto(`${server.url}#/cases/${family.id}/plans/${plan.id}`);
  await page.locator('#plan-contingency').waitFor();
  await expectNoSidewaysScroll(page, 'the plan');
  await screenshot(page, 'long-word-320');
  await page.click("text=Print the family's plan");
  await page.getByRole('button', { name: 'Print' }).waitFor();
  await expectNoSidewaysScroll(page, 'the family print');
  expectNoProblems(page);
  await context.close();
});

test('typing stops at the import limit, says so, and a case at the limit exports and imports back equal', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const id = await createCase(page, server.url, 'At the limit');
  // MAX_TEXT_CHARS in crates/kinplan-core/src/domain/persist/export.rs, and docs/export-format.md.
  const limit = 50000;
  await page.goto(`${server.url}#/cases/${id}/plans`);
  await page.click('text=Start a Child in Need plan');
  await page.locator('#plan-contingency').waitFor();
  await page.focus('#plan-contingency');
  await page.keyboard.insertText('x'.repeat(limit + 10));
  assert.equal((await page.inputValue('#plan-contingency')).length, limit, 'typing stops at the limit');
  await page.getByText('0 characters left: a text can be up to 50000 characters.').waitFor();
  await waitSaved(page);
  await page.goto(`${server.url}#/cases/${id}`);

  const exported = await downloadText(page, 'text=Export this case');
  const fresh = await watchedPage(await browser.newContext());
  await importFile(fresh, server.url, scratchFile('at-limit.json', exported.text));
  assert.deepEqual((await storedCases(fresh))[id].case, (await storedCases(page))[id].case);
  expectNoProblems(page);
  await context.close();
});
