// The four nations: choosing one is the first question on a new device,
// and the schedule, names and bank holidays follow that nation's guidance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectAccessible, screenshot, expectNoProblems, open, tabTo,
} from './support.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** The schedule's rows as [what, due] pairs. */
async function scheduleRows(page) {
  return page.locator('.schedule tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

test('a worker in Scotland chooses Scotland first, and a Child Protection Plan follows Scotland\'s guidance', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await watchedPage(context);
  await open(page, server.url);
  const question = page.locator('.first-question');
  await question.locator('h2', { hasText: 'Before you start: where do you work?' }).waitFor();
  await expectAccessible(page, 'the first question');
  await screenshot(page, 'nations-first-question');

  // Nothing chosen: the form says so instead of guessing England.
  await question.getByRole('button', { name: 'Use this guidance' }).click();
  await question.locator('.error-message', { hasText: 'Choose a nation.' }).waitFor();

  // By keyboard: Tab to the radios, arrows to Scotland, Enter to choose.
  await page.locator('.first-question input[value="england"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'scotland');
  await tabTo(page, /Use this guidance/);
  await page.keyboard.press('Enter');
  await page.locator('.notice', { hasText: 'Kinplan now follows Scotland’s guidance.' }).waitFor();
  await question.waitFor({ state: 'detached' });

  // Asked once: a reload does not ask again.
  await open(page, server.url);
  await page.locator('#new-case-label').waitFor();
  assert.equal(await page.locator('.first-question').count(), 0);

  await page.fill('#new-case-label', 'Falkirk family');
  await page.click('text=Create case');
  await page.locator('main h1', { hasText: 'Falkirk family' }).waitFor();
  const id = page.url().split('#/cases/')[1];
  await page.goto(`${server.url}#/cases/${id}/plans`);
  await page.locator('main h1', { hasText: 'Plans' }).waitFor();
  await page.click('text=Start a Child Protection Plan');
  await page.locator('main h1', { hasText: 'Child Protection Plan' }).waitFor();
  // Scotland records no category of harm at registration (nations.md).
  assert.equal(await page.locator('text=Category of harm').count(), 0);
  await page.getByLabel('Date of the Child Protection Planning Meeting').fill('2026-11-16');
  await page.locator('.schedule table').waitFor();
  const rows = await scheduleRows(page);
  const due = (what) => rows.find(([w]) => w === what)?.[1];
  // By hand from nations.md, with Scotland's bank holidays: from Monday
  // 16 November 2026, 15 working days to the first core group skip St
  // Andrew's Day (Monday 30 November): 17-20, 23-27 November, 1-4 and
  // 7-8 December, so Tuesday 8 December. (England, counting 30 November,
  // would give 7 December.) The review Child Protection Planning Meeting is
  // within 6 months: 16 May 2027 is a Sunday, so Friday 14 May.
  assert.match(due('First core group meeting') ?? '', /8 Dec 2026/, JSON.stringify(rows));
  assert.match(due('Review Child Protection Planning Meeting') ?? '', /14 May 2027/, JSON.stringify(rows));
  // A visit every 10 working days: 17-20, 23-27 November, then 1 December.
  assert.match(due('Visit to the child') ?? '', /1 Dec 2026/, JSON.stringify(rows));
  await page.locator('.schedule', { hasText: 'Worked out with the practice profile “Scotland' }).waitFor();
  await expectAccessible(page, 'a Scottish Child Protection Plan');
  await screenshot(page, 'nations-scotland-plan');

  // The settings page says which figures Scotland's guidance sets and
  // what a council should check.
  await open(page, server.url, '#/settings');
  await page.locator('main h1', { hasText: 'Practice profile' }).waitFor();
  await page.locator('.profile-notes li', { hasText: 'Councils set local public holidays of their own' }).waitFor();
  await expectAccessible(page, 'Scotland\'s settings');
  await screenshot(page, 'nations-scotland-settings');
  expectNoProblems(page);
  await context.close();
});

test('changing the nation in Settings moves an open case\'s deadlines, and a local holiday counts', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await watchedPage(context);
  await open(page, server.url);
  await page.locator('.first-question input[value="england"]').check();
  await page.getByRole('button', { name: 'Use this guidance' }).click();
  await page.locator('.notice', { hasText: 'Kinplan now follows England’s guidance.' }).waitFor();
  await page.fill('#new-case-label', 'Moving family');
  await page.click('text=Create case');
  await page.locator('main h1', { hasText: 'Moving family' }).waitFor();
  const id = page.url().split('#/cases/')[1];
  await page.goto(`${server.url}#/cases/${id}/plans`);
  await page.click('text=Start a Child Protection plan');
  await page.getByLabel('Date of the initial child protection conference').fill('2026-11-16');
  await page.locator('.schedule table').waitFor();
  // England: 10 working days from 16 November 2026 is Monday 30 November.
  let rows = await scheduleRows(page);
  assert.match(rows.find(([w]) => w === 'First core group meeting')?.[1] ?? '', /30 Nov 2026/, JSON.stringify(rows));
  const planUrl = page.url();

  await open(page, server.url, '#/settings');
  await page.locator('#nation-heading').waitFor();
  await page.locator('.choose-nation input[value="northern-ireland"]').check();
  await page.getByRole('button', { name: 'Use this nation’s guidance' }).click();
  await page.locator('.notice', { hasText: 'Now using Northern Ireland’s guidance.' }).waitFor();
  // A local holiday on Monday 14 December 2026.
  const local = page.getByLabel('Your council’s own holidays');
  await local.fill('2026-12-14');
  await local.press('Tab');

  await page.goto(planUrl);
  await page.locator('.schedule table').waitFor();
  rows = await scheduleRows(page);
  // By hand: Northern Ireland's child is seen every four weeks (nations.md:
  // SBNI procedures), 16 November + 28 days = Monday 14 December; that is
  // the council's holiday, so the last working day before, Friday 11
  // December.
  assert.match(rows.find(([w]) => w === 'Visit to the child')?.[1] ?? '', /11 Dec 2026/, JSON.stringify(rows));
  assert.ok(rows.some(([w]) => w === 'Review Child Protection Case Conference'), JSON.stringify(rows));
  await page.locator('.schedule', { hasText: 'Worked out with the practice profile “Northern Ireland' }).waitFor();
  expectNoProblems(page);
  await context.close();
});
