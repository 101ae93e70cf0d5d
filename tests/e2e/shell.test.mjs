// The app shell, served from a sub-folder: loads clean, every page is
// reachable by keyboard, deep links reload, and axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchedPage, open, expectAccessible, screenshot, tabTo, expectNoProblems } from './support.mjs';

// The tools kept for each child: with no children yet, each says what to do.
const TOOLS = [
  ['three-houses', 'Three Houses'],
  ['i-have-i-am-i-can', 'I have, I am, I can'],
  ['resilience', 'Resilience matrix'],
];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the app loads from a sub-folder with no console errors or warnings', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page, server.url);
  assert.equal(await page.locator('main h1').textContent(), 'Your cases');
  assert.match(await page.locator('footer').textContent(), /Kinplan version \d+\.\d+\.\d+/);
  assert.ok(requests.every((u) => u.startsWith(server.url) || u.startsWith('data:')), `only our own files: ${requests}`);
  await expectAccessible(page, 'the empty case list');
  await screenshot(page, 'case-list-empty');
  expectNoProblems(page);
  await context.close();
});

test('every page is reachable by keyboard alone, and passes axe', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, server.url);

  // The skip link is the first stop and moves focus to the page.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');

  await tabTo(page, /Start a new case/);
  await page.keyboard.type('Keyboard family');
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Keyboard family' }).waitFor();
  await expectAccessible(page, 'the case overview');
  await screenshot(page, 'case-overview');

  // The map, and back to the case by the breadcrumb.
  await tabTo(page, /^Signs of Safety map$/);
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Signs of Safety map' }).waitFor();
  await expectAccessible(page, 'a case with no map yet');
  await tabTo(page, /^Keyboard family$/, { shift: true });
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Keyboard family' }).waitFor();

  for (const [slug, title] of TOOLS) {
    await tabTo(page, new RegExp(`^${title}$`));
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: title }).waitFor();
    assert.match(page.url(), new RegExp(`#/cases/[0-9a-f-]{36}/${slug}$`));
    assert.match(await page.locator('main').textContent(), /Add the children on the case overview first/);
    await expectAccessible(page, title);
    await screenshot(page, `tool-${slug}`);
    await tabTo(page, /Go to the case overview/);
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Keyboard family' }).waitFor();
  }

  await tabTo(page, /^Cases$/, { shift: true });
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  assert.equal(await page.locator('.case-link').textContent(), 'Keyboard family');
  await expectAccessible(page, 'the case list with a case');
  await screenshot(page, 'case-list');
  expectNoProblems(page);
  await context.close();
});

test('a deep link reloads correctly from the sub-folder', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, server.url);
  await page.fill('#new-case-label', 'Deep link family');
  await page.click('text=Create case');
  await page.locator('main h1', { hasText: 'Deep link family' }).waitFor();
  const id = page.url().split('#/cases/')[1];

  const deep = `${server.url}#/cases/${id}/plans`;
  const fresh = await watchedPage(context);
  await fresh.goto(deep);
  await fresh.locator('main h1', { hasText: 'Plans' }).waitFor();
  await fresh.reload();
  await fresh.locator('main h1', { hasText: 'Plans' }).waitFor();
  assert.equal(fresh.url(), deep);
  assert.equal(await fresh.locator('.breadcrumbs').textContent(), 'Cases › Deep link family');

  await fresh.goto(`${server.url}#/no/such/page`);
  await fresh.locator('main h1', { hasText: 'Page not found' }).waitFor();
  await expectAccessible(fresh, 'not found');
  expectNoProblems(page);
  expectNoProblems(fresh);
  await context.close();
});
