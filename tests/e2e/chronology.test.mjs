// The chronology: events added by keyboard with a date and a line (to the
// day, the month or only the year), details filled in later, what the
// other tools know linked in, the patterns of the last 12 months, filters,
// the timeline, both prints on A4, and everything still there after a
// reload. The page's clock is fixed at TODAY (3 Dec 2026).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectAccessible, expectNoProblems, screenshot, importFile, tabTo, waitSaved, storedCases,
  printToPdf, assertNoChrome, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const family = sampleFamily().cases[0];
const ola = family.children.find((c) => c.first_name === 'Ola');

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Adds an event by keyboard alone: how exact the date is, the date, a line. */
async function addEvent(page, precision, date, what) {
  // Tab reaches the chosen radio; the arrow keys choose another.
  await tabTo(page, /^(The exact day|The month|Only the year)$/);
  for (let i = 0; i < 3; i++) {
    const chosen = await page.evaluate(() => document.activeElement.labels?.[0]?.textContent);
    if (chosen === precision) break;
    await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, /^(Date|Month \(year and month\)|Year)$/);
  if (precision === 'Only the year') await page.keyboard.type(date);
  // Date and month fields order their parts by the browser's own locale:
  // the value is set on the focused field.
  else await page.locator(':focus').fill(date);
  await tabTo(page, /^What happened$/);
  await page.keyboard.type(what);
  await page.keyboard.press('Enter');
  await page.locator('.chronology-entry .entry-what', { hasText: what }).waitFor();
}

/** Opens a recorded event's details. */
function entry(page, what) {
  return page.locator('.chronology-entry', { has: page.locator('.entry-what', { hasText: what }) });
}

test('a chronology is built by keyboard, read for patterns, filtered and printed', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await page.goto(`${server.url}#/cases/${family.id}/chronology`);
  await page.locator('main h1', { hasText: 'Chronology' }).waitFor();
  // The map, the plan's start and the plan's visit and core group are
  // there already, linked to their tools.
  await page.locator('.chronology-entry.linked', { hasText: 'Child Protection plan started at the initial child protection conference' }).waitFor();
  assert.equal(await page.locator('.chronology-entry.linked').count(), 4);

  await addEvent(page, 'The exact day', '2026-06-01', 'Police called to the flat after shouting');
  await addEvent(page, 'The exact day', '2026-06-10', 'Police called: neighbour heard a fight');
  await addEvent(page, 'The exact day', '2026-06-20', 'Police called again at night');
  await addEvent(page, 'The month', '2026-03', 'Ola missed her dentist appointment');
  await addEvent(page, 'Only the year', '2025', "Anna's new partner Dean moved in");
  // A line with no date is not added, and says why.
  await page.fill('#new-event-what', 'No date given');
  await page.click('text=The exact day');
  await page.fill('#new-event-date', '');
  await page.click('button:text-is("Add to the chronology")');
  await page.locator('.add-event .error-message', { hasText: 'Enter the date it happened.' }).waitFor();

  // In date order, the worker's and Kinplan's together.
  const dates = await page.locator('.chronology-entry .entry-date').allTextContents();
  assert.deepEqual(dates, ['2025', 'March 2026', '1 Jun 2026', '10 Jun 2026', '20 Jun 2026', '2 Nov 2026', '2 Nov 2026', '13 Nov 2026', '13 Nov 2026']);
  assert.equal(await page.locator('.chronology-entry.flagged').count(), 5, 'each new event lacks an action and an outcome');

  // Details later: categories, the child it concerns, an action and outcome.
  for (const what of ['Police called to the flat after shouting', 'Police called: neighbour heard a fight', 'Police called again at night']) {
    const row = entry(page, what);
    await row.locator('summary').click();
    await row.getByLabel('Category').selectOption('Police call-out');
  }
  const first = entry(page, 'Police called to the flat after shouting');
  await first.getByLabel('Source').fill('Police (PC Jones)');
  await first.getByLabel('Action taken').fill('Strategy discussion the next day');
  await first.getByLabel('Outcome').fill('Section 47 enquiry started');
  const dentist = entry(page, 'Ola missed her dentist appointment');
  await dentist.locator('summary').click();
  await dentist.getByLabel('Category').selectOption('Missed health appointment');
  await dentist.getByLabel('Ola').check();
  await waitSaved(page);
  assert.equal(await page.locator('.chronology-entry.flagged').count(), 4);

  // The last 12 months, by hand: 4 Dec 2025 to 3 Dec 2026 holds the three
  // police call-outs, the dentist, the map, plan start, visit and core
  // group, and the partner (2025 overlaps its first days; no category yet).
  // Repeats and runs of three or more within 21 days are read from the
  // worker's own events: 1 to 20 June, not the plan's November meetings.
  const patterns = await page.locator('.patterns').textContent();
  assert.match(patterns, /Police call-out3/);
  assert.match(patterns, /No category1/);
  assert.match(patterns, /Happening again: Police call-out \(3 times\)\./);
  assert.match(patterns, /Close together: 3 events between 1 Jun 2026 and 20 Jun 2026\./);
  await page.locator('.timeline-chart circle').first().waitFor();
  assert.match(await page.locator('.timeline-table').textContent(), /Police call-out3/);
  await expectAccessible(page, 'the chronology');
  await screenshot(page, 'chronology-1280');

  // Filters: a category, then a child (Kuba: not the dentist, which was Ola's).
  await page.click('text=Show only some events');
  await page.selectOption('#filter-category', 'Police call-out');
  await page.locator('#events-heading', { hasText: '3 events' }).waitFor();
  await page.selectOption('#filter-category', '');
  const kuba = family.children.find((c) => c.first_name === 'Kuba');
  await page.selectOption('#filter-child', kuba.id);
  await page.locator('#events-heading', { hasText: '8 events' }).waitFor();
  await page.fill('#filter-from', '2026-06-05');
  await page.locator('#events-heading', { hasText: '6 events' }).waitFor();

  // Reload: everything is kept.
  await page.reload();
  await page.locator('#events-heading', { hasText: '9 events' }).waitFor();
  const stored = Object.values(await storedCases(page))[0].case.documents.chronology.events;
  assert.equal(stored.length, 5);
  const dentistStored = stored.find((e) => e.what.startsWith('Ola missed'));
  assert.deepEqual(dentistStored.date, { month: { year: 2026, month: 3 } });
  assert.deepEqual(dentistStored.children, [ola.id]);
  assert.deepEqual(stored.find((e) => e.what.startsWith('Anna')).date, { year: 2025 });

  // The worker's print: every detail, and what is still missing.
  await page.click('text=Print the chronology');
  await page.locator('main h1', { hasText: 'Chronology: ' }).waitFor();
  await expectAccessible(page, 'the chronology print');
  let pdf = await printToPdf(page, 'chronology');
  assert.ok(Math.abs(pdf.size[0] - 595) < 2 && Math.abs(pdf.size[1] - 842) < 2, `A4 portrait: ${pdf.size}`);
  for (const words of ['Police (PC Jones)', 'Strategy discussion the next day', 'Section 47 enquiry started', 'No action or outcome recorded yet.', 'March 2026', 'Page 1 of']) {
    assert.ok(pdf.text.includes(words), `the print lacks "${words}": ${pdf.text}`);
  }
  assertNoChrome(pdf.text);

  // The court's: numbered, with the date, the event and its source.
  await page.goto(`${server.url}#/cases/${family.id}/print/court-chronology`);
  await page.locator('main h1', { hasText: 'Chronology for the court' }).waitFor();
  const rows = await page.locator('.chronology-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows[0], ['1', '2025', "Anna's new partner Dean moved in", '\u2014']);
  assert.deepEqual(rows[2], ['3', '1 Jun 2026', 'Police called to the flat after shouting', 'Police (PC Jones)']);
  assert.equal(rows.length, 9);
  await expectAccessible(page, 'the court chronology');
  pdf = await printToPdf(page, 'court-chronology');
  assert.match(pdf.text, /No\. Date Event Source 1 2025/);
  assertNoChrome(pdf.text);
  expectNoProblems(page);
  await context.close();
});

test('the chronology works by touch on a tablet', async () => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await page.goto(`${server.url}#/cases/${family.id}/chronology`);
  await page.locator('main h1', { hasText: 'Chronology' }).waitFor();
  await page.fill('#new-event-date', '2026-10-12');
  await page.fill('#new-event-what', 'Kuba seen at A&E with a burn');
  await page.getByRole('button', { name: 'Add to the chronology' }).tap();
  await entry(page, 'Kuba seen at A&E with a burn').waitFor();
  await waitSaved(page);
  await expectAccessible(page, 'the chronology on a tablet');
  await screenshot(page, 'chronology-768');
  // The case overview shows the tool has been used.
  await page.goto(`${server.url}#/cases/${family.id}`);
  await page.locator('.tool-list li', { hasText: 'Chronology' }).locator('text=Last changed').waitFor();
  expectNoProblems(page);
  await context.close();
});
