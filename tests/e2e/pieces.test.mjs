// The app in pieces: the case list loads first, and each tool's code comes
// the first time the tool opens. Every tool opens from a cold start, and
// with the server gone after one visit; a deployment while a tool is open
// never mixes old pieces with new. Served from a sub-folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  siteCopy, controlled, startServer, launch, watchedPage, importFile, waitSaved, storedCases, expectAccessible, expectNoProblems, screenshot, sampleFamily, SAMPLE_FAMILY,
} from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const family = sampleFamily().cases[0];
const child = family.children[0].id;
const plan = family.documents.plans[0].id;

/** Every page that comes from a piece, with its heading. */
const PAGES = [
  ['overview', '', family.label],
  ['map', '/map', 'Signs of Safety map'],
  ['safety plan', '/safety-plan', 'Safety plan'],
  ['plans', '/plans', 'Plans'],
  ['a plan', `/plans/${plan}`, /plan/i],
  ['a plan\'s check', `/plans/${plan}/check`, 'Check this plan'],
  ['Three Houses', '/three-houses', 'Three Houses'],
  ['I have, I am, I can', '/i-have-i-am-i-can', 'I have, I am, I can'],
  ['resilience', '/resilience', 'Resilience matrix'],
  ['chronology', '/chronology', 'Chronology'],
  ['genogram', '/genogram', 'Genogram'],
  ['the family\'s plan, printed', `/print/plan/${plan}`, /./],
  ['the map, printed', '/print/map', /Signs of Safety map/],
  ['the chronology, printed', '/print/chronology', /Chronology/],
  ['the genogram, printed', '/print/genogram', /Genogram/],
  ['the resilience matrix, printed', `/print/resilience/${child}`, /resilience matrix/],
].map(([name, tail, heading]) => ({ name, hash: `#/cases/${family.id}${tail}`, heading }));
const SETTINGS = [
  { name: 'settings', hash: '#/settings', heading: 'Practice profile' },
  { name: 'the passphrase lock', hash: '#/settings/passphrase', heading: 'Passphrase lock' },
];

/** Opens `hash` and waits for its page: its heading, not "Loading…". */
async function openPage(page, url, { hash, heading }) {
  await page.goto(url + hash);
  await page.locator('main h1', { hasText: heading }).first().waitFor();
  assert.equal(await page.locator('.loading').count(), 0, `${hash} still says Loading`);
  assert.equal(await page.locator('.piece-failed').count(), 0, `${hash} could not be opened`);
}

/** Problems, but for Playwright's own note that it kept the worker out. */
function expectNoProblemsWithoutWorker(page) {
  page.problems = page.problems.filter((p) => !/Service Worker registration blocked by Playwright/.test(p));
  expectNoProblems(page);
}

const pieceName = (url) => url.match(/\/(piece-[a-z_]+?)(?:-[0-9a-f]{16})?\.wasm$/)?.[1];

test('the case list loads no tool\'s piece, and each tool\'s piece arrives when it first opens', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  // No service worker: it would fetch every piece at install, for offline use.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  const fetched = [];
  page.on('request', (r) => { const name = pieceName(r.url()); if (name) fetched.push(name); });
  await importFile(page, server.url, SAMPLE_FAMILY);
  await page.reload();
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  fetched.length = 0;
  await page.reload();
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  assert.deepEqual(fetched, [], 'the case list needs no piece');

  await page.click(`text=${family.label}`);
  await page.locator('main h1', { hasText: family.label }).waitFor();
  assert.ok(fetched.includes('piece-case'), `opening a case fetched ${fetched}`);
  assert.ok(!fetched.includes('piece-safety_map'), 'the map is not fetched before it opens');
  await page.getByRole('link', { name: 'Signs of Safety map' }).first().click();
  await page.locator('main h1', { hasText: 'Signs of Safety map' }).waitFor();
  assert.ok(fetched.includes('piece-safety_map'), `opening the map fetched ${fetched}`);
  const before = fetched.length;
  await page.goBack();
  await page.locator('main h1', { hasText: family.label }).waitFor();
  await page.goForward();
  await page.locator('main h1', { hasText: 'Signs of Safety map' }).waitFor();
  assert.equal(fetched.length, before, 'a piece is fetched once');
  expectNoProblemsWithoutWorker(page);
  await context.close();
});

test('every tool opens from a cold start and passes axe', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  for (const target of [...PAGES, ...SETTINGS]) {
    // A new page each time: nothing of the app is loaded yet.
    const cold = await watchedPage(context);
    await openPage(cold, server.url, target);
    await expectAccessible(cold, `${target.name}, opened cold`);
    expectNoProblemsWithoutWorker(cold);
    await cold.close();
  }
  // And an edit on a case opened cold is saved.
  const cold = await watchedPage(context);
  await openPage(cold, server.url, PAGES.find((p) => p.name === 'overview'));
  await cold.click('text=Add a child');
  await cold.locator('input[id^="child-"][id$="-name"]').last().fill('Robin');
  await waitSaved(cold);
  const stored = Object.values(await storedCases(cold))[0];
  assert.ok(stored.case.children.some((c) => c.first_name === 'Robin'), 'the new child is saved');
  expectNoProblemsWithoutWorker(cold);
  await context.close();
});

test('each tool opens for the first time with the server stopped after the first visit', async (t) => {
  const server = await startServer(siteCopy());
  t.after(() => server.stop());
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await controlled(page);
  server.stop();
  for (const target of [...PAGES, ...SETTINGS]) {
    await openPage(page, server.url, target);
  }
  page.problems = page.problems.filter((p) => !/sw\.js|ServiceWorker|Failed to fetch|ERR_CONNECTION_REFUSED/.test(p));
  expectNoProblems(page);
  await context.close();
});

/** A new deployment of the same app: every piece under a new name, as a
 *  real one gets, the old names gone from the server, and a new worker. */
function redeploy(dir) {
  const renamed = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => /^piece-.*\.wasm$/.test(f))) {
    const next = file.replace(/-([0-9a-f]{16})\.wasm$/, (_, h) => `-${[...h].reverse().join('')}.wasm`);
    fs.renameSync(path.join(dir, file), path.join(dir, next));
    renamed.set(file, next);
  }
  for (const file of fs.readdirSync(dir).filter((f) => /\.(js|html)$/.test(f))) {
    let text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [from, to] of renamed) text = text.replaceAll(from, to);
    if (file === 'sw.js') text = text.replace(/const VERSION = '[0-9a-f]+';/, "const VERSION = 'second';");
    if (file === 'index.html') text = text.replace('<title>Kinplan</title>', '<title>Kinplan</title><meta name="deployment" content="second" />');
    fs.writeFileSync(path.join(dir, file), text);
  }
  // http.server's Last-Modified counts whole seconds.
  const later = new Date(Date.now() + 5000);
  for (const file of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, file), later, later);
}

test('a deployment while a tool is open: the open app keeps its own pieces until the worker reloads', async (t) => {
  const dir = siteCopy();
  const server = await startServer(dir);
  t.after(() => { server.stop(); fs.rmSync(dir, { recursive: true, force: true }); });
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await controlled(page);
  await openPage(page, server.url, PAGES.find((p) => p.name === 'map'));

  redeploy(dir);
  // The new worker is found at the next navigation check; the open app is
  // still the old one, and a tool it never opened comes from its own pieces.
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
  await page.locator('.update-banner', { hasText: 'A new version of Kinplan is available' }).waitFor({ timeout: 20000 });
  await openPage(page, server.url, PAGES.find((p) => p.name === 'genogram'));
  await openPage(page, server.url, PAGES.find((p) => p.name === 'chronology'));

  assert.equal(await page.locator('meta[name="deployment"]').count(), 0, 'the old version runs until the worker reloads');
  await page.getByRole('button', { name: 'Reload to update' }).click();
  await page.waitForFunction(() => document.querySelector('meta[name="deployment"]')?.content === 'second', null, { timeout: 20000 });
  await page.locator('main h1', { hasText: 'Chronology' }).waitFor();
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['kinplan-second'], 'the old pieces are gone with the old version');
  await openPage(page, server.url, PAGES.find((p) => p.name === 'resilience'));
  await openPage(page, server.url, PAGES.find((p) => p.name === 'safety plan'));
  expectNoProblems(page);
  await context.close();
});

test('without a service worker, a piece removed by a deployment says so, and a reload brings the new one', async (t) => {
  const dir = siteCopy();
  const server = await startServer(dir);
  t.after(() => { server.stop(); fs.rmSync(dir, { recursive: true, force: true }); });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await openPage(page, server.url, PAGES.find((p) => p.name === 'overview'));

  redeploy(dir);
  await page.getByRole('link', { name: 'Genogram' }).first().click();
  const failed = page.locator('.piece-failed');
  await failed.getByRole('heading', { name: 'This page could not be opened' }).waitFor();
  assert.equal(await failed.getAttribute('role'), 'alert');
  await expectAccessible(page, 'a piece that could not be fetched');
  await screenshot(page, 'piece-failed');
  // The old piece's 404 is what this test is about.
  page.problems = page.problems.filter((p) => !/404|Failed to fetch|WebAssembly/.test(p));
  expectNoProblemsWithoutWorker(page);

  await page.reload();
  await page.locator('main h1', { hasText: 'Genogram' }).waitFor();
  await context.close();
});
