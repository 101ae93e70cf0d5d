// Security: the app requests nothing but its own files, and user text,
// typed or imported, always renders as inert text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  startServer, launch, watchedPage, expectNoProblems, createCase, importFile, scratchFile, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const FIXTURE = SAMPLE_FAMILY;
const PAYLOADS = JSON.parse(fs.readFileSync('xss-payloads.json', 'utf8'));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a full journey requests nothing but the app\'s own files', async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  const family = sampleFamily().cases[0];
  const plan = family.documents.plans[0].id;
  for (const hash of ['', '/map', `/plans/${plan}`, `/plans/${plan}/check`, `/print/plan/${plan}`, '/print/map', '/print/words-and-pictures', '/plans']) {
    await page.goto(`${server.url}#/cases/${family.id}${hash}`);
    await page.locator('main h1').waitFor();
  }
  await page.goto(`${server.url}#/settings`);
  await page.locator('main h1', { hasText: 'Practice profile' }).waitFor();
  await createCase(page, server.url, 'Network check family');
  await page.reload();
  await page.locator('main h1').waitFor();
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests outside the app');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the journey was recorded');
  expectNoProblems(page);
  await context.close();
});

/** Fails if any payload ran or made an element: no dialog, no flag, no handler or script element from user text. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
    return {
      flag: window.__xss ?? null,
      handlers: handlers.map((el) => el.outerHTML.slice(0, 80)),
      injected: [...document.body.querySelectorAll('img, iframe, object, embed, video, audio, marquee, details, math, template, base, meta, link, script, style, x')].map((el) => el.outerHTML.slice(0, 80)),
      jsLinks: [...document.querySelectorAll('a[href^="javascript:"], [formaction], [xlink\\:href]')].length,
    };
  });
  assert.deepEqual(found, { flag: null, handlers: [], injected: [], jsLinks: 0 }, where);
}

test(`${PAYLOADS.length} script payloads, typed into fields and imported, stay inert text`, async () => {
  assert.ok(PAYLOADS.length >= 50);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await watchedPage(context);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const id = await createCase(page, server.url, 'XSS family');
  await page.click('text=Add a child');
  await page.click('text=Add a person');
  await page.click('text=Add a worker');
  // Every payload through the case's own fields: label, child, network, worker.
  for (const payload of PAYLOADS) {
    await page.fill('input[id^="child-"][id$="-name"]', payload);
    await page.fill('input[id^="network-"][id$="-name"]', payload);
    await page.fill('input[id^="worker-"][id$="-name"]', payload);
  }
  await page.locator('input[id^="child-"][id$="-name"]').fill(PAYLOADS[1]);
  await assertInert(page, 'the case overview');
  // Into the map, as entries and a danger statement.
  await page.goto(`${server.url}#/cases/${id}/map`);
  await page.click('button:text-is("Start the map")');
  for (const payload of PAYLOADS) {
    await page.fill('#add-harm', payload);
    await page.press('#add-harm', 'Control+Enter');
  }
  await page.click('button:text-is("Add a danger statement")');
  await page.fill('input[id$="-behaviour"]', PAYLOADS[2]);
  await page.fill('input[id$="-by-whom"]', PAYLOADS[0]);
  assert.equal(await page.locator('.map-section .entry-text').count(), PAYLOADS.length);
  assert.deepEqual(await page.locator('.map-section .entry-text').allTextContents(), PAYLOADS.map((p) => p.trim()));
  await assertInert(page, 'the map');
  // Into a plan.
  await page.goto(`${server.url}#/cases/${id}/plans`);
  await page.click('text=Start a Child Protection plan');
  await page.click('button:text-is("Add a worry")');
  await page.click('button:text-is("Add an action")');
  for (const payload of PAYLOADS) {
    await page.fill('textarea[id^="worry-"]', payload);
    await page.fill('textarea[id$="-what"]', payload);
  }
  await assertInert(page, 'the plan editor');
  for (const hash of ['/print/map', '/print/words-and-pictures']) {
    await page.goto(`${server.url}#/cases/${id}${hash}`);
    await page.locator('main h1').waitFor();
    await assertInert(page, hash);
  }

  // Imported: the sample family with every text replaced by payloads.
  const file = sampleFamily();
  let n = 0;
  const poison = (value, key) => {
    if (typeof value === 'string' && ['label', 'first_name', 'name', 'text', 'what', 'how_we_will_know', 'contingency', 'child_views', 'sentence', 'behaviour', 'reason', 'role', 'agency', 'contact', 'relationship'].includes(key)) return PAYLOADS[n++ % PAYLOADS.length];
    if (Array.isArray(value)) return value.map((v) => poison(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
    return value;
  };
  const poisoned = poison(file);
  const tmp = scratchFile('poisoned.json', JSON.stringify(poisoned));
  await importFile(page, server.url, tmp);
  await assertInert(page, 'the case list after import');
  const c = poisoned.cases[0];
  const plan = c.documents.plans[0].id;
  for (const hash of ['', '/map', `/plans/${plan}`, `/plans/${plan}/check`, `/print/plan/${plan}`, '/print/map', '/print/words-and-pictures']) {
    await page.goto(`${server.url}#/cases/${c.id}${hash}`);
    await page.locator('main h1').waitFor();
    await assertInert(page, `imported ${hash || 'overview'}`);
  }
  assert.deepEqual(dialogs, []);
  expectNoProblems(page);
  await context.close();
});

test('"Clear all data on this device" needs the typed words, then leaves nothing of Kinplan behind', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.evaluate(() => localStorage.setItem('another-app', 'keep me'));
  const kinplanKeys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kinplan.')));
  const before = (await kinplanKeys()).length;
  assert.ok(before >= 2, `the import stored the case and the index: ${before} keys`);

  await page.goto(`${server.url}#/settings`);
  await page.locator('main h1', { hasText: 'Practice profile' }).waitFor();
  await page.getByLabel(/To confirm, type/).fill('delete');
  await page.getByRole('button', { name: 'Clear all data' }).click();
  await page.locator('#clear-confirm-error', { hasText: 'Nothing has been deleted' }).waitFor();
  assert.equal((await kinplanKeys()).length, before);

  await page.getByLabel(/To confirm, type/).fill('Delete everything');
  await page.getByRole('button', { name: 'Clear all data' }).click();
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  await page.locator('.notice', { hasText: 'All Kinplan data on this device has been cleared.' }).waitFor();
  assert.deepEqual(await kinplanKeys(), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('another-app')), 'keep me');
  await page.reload();
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  assert.equal(await page.locator('.case-link').count(), 0);
  expectNoProblems(page);
  await context.close();
});
