// Offline: after one visit the service worker keeps the app, so it opens
// and works with the server out of reach; a new deployment is offered as
// "A new version is available" and taken up cleanly. Served from a
// sub-folder, as on a council intranet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteCopy, controlled, startServer, launch, watchedPage, open, createCase, expectNoProblems } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('after one visit the app opens and works with the server stopped', async (t) => {
  const server = await startServer(siteCopy());
  t.after(() => server.stop());
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, server.url);
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url, 'the worker is scoped to the sub-folder');

  server.stop();
  await page.reload();
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  const id = await createCase(page, server.url, 'Home visit family');
  await page.reload();
  await page.locator('main h1', { hasText: 'Home visit family' }).waitFor();
  await open(page, server.url);
  assert.match(await page.locator('.case-link').first().textContent(), /Home visit family/);
  await page.goto(`${server.url}#/cases/${id}`);
  await page.locator('main h1', { hasText: 'Home visit family' }).waitFor();
  // The browser's own update check fails while offline; that is expected.
  page.problems = page.problems.filter((p) => !/sw\.js|ServiceWorker|Failed to fetch|ERR_CONNECTION_REFUSED/.test(p));
  expectNoProblems(page);
  await context.close();
});

test('a new deployment is offered, and taken up when the worker reloads', async (t) => {
  const dir = siteCopy();
  const server = await startServer(dir);
  t.after(() => { server.stop(); fs.rmSync(dir, { recursive: true, force: true }); });
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, server.url);
  await controlled(page);
  assert.equal(await page.locator('.update-banner').count(), 0, 'the first visit is not an update');

  // Deploy a new version: new files, so a new worker and a new cache.
  fs.writeFileSync(path.join(dir, 'index.html'),
    fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('<title>Kinplan</title>', '<title>Kinplan</title><meta name="deployment" content="second" />'));
  const worker = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  fs.writeFileSync(path.join(dir, 'sw.js'), worker.replace(/const VERSION = '[0-9a-f]+';/, "const VERSION = 'second';"));
  // http.server's Last-Modified counts whole seconds: a deployment within
  // the same second as the first would look unchanged to the browser.
  const later = new Date(Date.now() + 5000);
  for (const file of ['index.html', 'sw.js']) fs.utimesSync(path.join(dir, file), later, later);

  await page.reload();
  await page.locator('.update-banner', { hasText: 'A new version of Kinplan is available' }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('meta[name="deployment"]').count(), 0, 'the old version runs until the worker chooses');
  await page.getByRole('button', { name: 'Reload to update' }).click();
  await page.waitForFunction(() => document.querySelector('meta[name="deployment"]')?.content === 'second', null, { timeout: 20000 });
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['kinplan-second'], 'old caches are gone');
  assert.equal(await page.locator('.update-banner').count(), 0);
  expectNoProblems(page);
  await context.close();
});
