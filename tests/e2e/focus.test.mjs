// Where keyboard focus lands after an action that removes or replaces what
// had it (WCAG 2.2, 2.4.3 Focus Order): never on the page itself, where the
// next Tab starts again at "Skip to main content", but on the sensible next
// thing: a new field, the list's "Add" button, "Undo", or the question asked.
// Every action here is done from the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectNoProblems, importFile, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const FIXTURE = SAMPLE_FAMILY;
const family = sampleFamily().cases[0];
const plan = family.documents.plans[0];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Focuses the button named `name` and presses Enter, as a keyboard user would. */
async function press(page, name, { exact = true } = {}) {
  const button = page.getByRole('button', { name, exact }).first();
  await button.focus();
  await page.keyboard.press('Enter');
}

/** Waits until focus is on an element whose id matches `pattern`, and says where it is if not. */
async function focusLandsOn(page, pattern, after) {
  try {
    await page.waitForFunction((source) => new RegExp(source).test(document.activeElement?.id ?? ''), pattern.source, { timeout: 3000 });
  } catch {
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.tagName} id="${el?.id}" "${el?.textContent?.trim().slice(0, 40)}"`;
    });
    assert.fail(`after ${after}, focus is on ${where}, not ${pattern}`);
  }
}

async function focusIsOnHeading(page, after) {
  await page.waitForFunction(() => document.activeElement?.matches('main h1'), null, { timeout: 3000 })
    .catch(() => assert.fail(`after ${after}, focus is not on the page's heading`));
}

test('adding and removing worries, outcomes and actions moves focus to the new field or the list\'s "Add"', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/plans/${plan.id}`);
  await page.locator('main h1').waitFor();

  await press(page, 'Add a worry');
  await focusLandsOn(page, /^worry-[0-9a-f-]{36}$/, '"Add a worry"');
  await press(page, /^Remove worry \d+$/, { exact: false });
  await focusLandsOn(page, /^worry-add$/, '"Remove worry"');

  await press(page, 'Add an outcome');
  await focusLandsOn(page, /^outcome-[0-9a-f-]{36}$/, '"Add an outcome"');
  await press(page, /^Remove outcome \d+$/, { exact: false });
  await focusLandsOn(page, /^outcome-add$/, '"Remove outcome"');

  await press(page, 'Add an action');
  await focusLandsOn(page, /^action-[0-9a-f-]{36}-what$/, '"Add an action"');
  await press(page, 'Remove action 5');
  await focusLandsOn(page, /^action-add$/, '"Remove action"');
  expectNoProblems(page);
  await context.close();
});

test('removing a child, a person or a worker moves focus to that list\'s "Add"', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  page.on('dialog', (dialog) => dialog.accept());
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}`);
  await page.locator('main h1').waitFor();

  for (const [add, id] of [['Add a child', 'child'], ['Add a person', 'network'], ['Add a worker', 'worker']]) {
    await press(page, add);
    await focusLandsOn(page, new RegExp(`^${id}-[0-9a-f-]{36}-name$`), `"${add}"`);
    const remove = page.locator('fieldset', { has: page.locator(':focus') }).getByRole('button', { name: /^Remove / });
    await remove.focus();
    await page.keyboard.press('Enter');
    await focusLandsOn(page, new RegExp(`^${id}-add$`), `removing what "${add}" added`);
  }
  expectNoProblems(page);
  await context.close();
});

test('on the map, removing a danger statement, a safety goal or a bottom line moves focus to its "Add"', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/map`);
  await page.locator('main h1').waitFor();

  await press(page, 'Add a danger statement');
  await focusLandsOn(page, /^danger-[0-9a-f-]{36}-who$/, '"Add a danger statement"');
  await press(page, 'Add a safety goal for danger statement 2');
  await focusLandsOn(page, /^danger-[0-9a-f-]{36}-goal-see$/, '"Add a safety goal"');
  await press(page, 'Remove the safety goal for danger statement 2');
  await focusLandsOn(page, /^danger-[0-9a-f-]{36}-goal-add$/, '"Remove the safety goal"');
  await press(page, 'Remove danger statement 2');
  await focusLandsOn(page, /^danger-add$/, '"Remove danger statement"');

  await press(page, 'Add a bottom line');
  await focusLandsOn(page, /^bottom-line-[0-9a-f-]{36}$/, '"Add a bottom line"');
  await press(page, /^Remove bottom line \d+$/, { exact: false });
  await focusLandsOn(page, /^bottom-line-add$/, '"Remove bottom line"');
  expectNoProblems(page);
  await context.close();
});

test('deleting a case moves focus to "Undo", then "Dismiss", then the heading; the bin keeps focus on itself', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  page.on('dialog', (dialog) => dialog.accept());
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/`);
  await page.locator('.case-link', { hasText: family.label }).waitFor();

  await press(page, 'Delete');
  await focusLandsOn(page, /^notice-undo$/, '"Delete"');
  await page.keyboard.press('Enter');
  await focusLandsOn(page, /^notice-dismiss$/, '"Undo"');
  await page.keyboard.press('Enter');
  await focusIsOnHeading(page, '"Dismiss"');

  await press(page, 'Delete');
  await focusLandsOn(page, /^notice-undo$/, '"Delete"');
  await page.locator('#bin-summary').focus();
  await page.keyboard.press('Enter');
  await press(page, 'Restore');
  // The bin is empty and gone: the heading, not nowhere.
  await focusIsOnHeading(page, '"Restore" of the last case in the bin');
  await page.locator('.case-link', { hasText: family.label }).waitFor();
  expectNoProblems(page);
  await context.close();
});

test('resilience factors and "I have, I am, I can" statements: focus follows the question and what replaces the card', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/resilience`);
  await page.locator('main h1', { hasText: 'Resilience matrix' }).waitFor();
  await press(page, /^Add a factor to Vulnerability in adversity/, { exact: false });
  await focusLandsOn(page, /^factor-[0-9a-f-]{36}-text$/, '"Add a factor"');
  await press(page, 'Delete this factor');
  await focusLandsOn(page, /^factor-add-vulnerability-adversity$/, '"Delete" of a factor');

  await page.goto(`${server.url}#/cases/${family.id}/i-have-i-am-i-can`);
  await page.locator('main h1').waitFor();
  await press(page, 'Add an “I am” statement');
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type('kind to my brother');
  const card = page.locator('.strength', { has: page.locator('textarea:focus') });
  await card.getByRole('button', { name: 'Delete', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'No, keep it');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Delete');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Yes, take it away');
  await page.keyboard.press('Enter');
  await focusLandsOn(page, /^strength-add-i-am$/, '"Yes, take it away"');
  expectNoProblems(page);
  await context.close();
});
