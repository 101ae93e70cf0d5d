// The plan editor: a plan written by keyboard, the SMART checker's live
// hints, the statutory schedule, and copying from the map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  startServer, launch, watchedPage, expectAccessible, screenshot, storedCases, expectNoProblems, createCase, waitSaved, tabTo, scratchFile, importFile, sampleFamily,
} from './support.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a Child Protection plan: the checker explains what is not SMART, and the schedule follows the conference date', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await watchedPage(context);
  const id = await createCase(page, server.url, 'Plan family');
  await page.click('text=Add a child');
  await page.fill('input[id$="-name"]', 'Amy');
  await page.click('text=Add a person');
  await page.fill('input[id^="network-"][id$="-name"]', 'Jenny Smith');
  await page.fill('input[id$="-relationship"]', 'Mum');
  await waitSaved(page);

  await page.goto(`${server.url}#/cases/${id}/plans`);
  await page.locator('main h1', { hasText: 'Plans' }).waitFor();
  await page.click('text=Start a Child Protection plan');
  await page.locator('main h1', { hasText: 'Child Protection plan' }).waitFor();
  assert.match(page.url(), /#\/cases\/[0-9a-f-]{36}\/plans\/[0-9a-f-]{36}$/);

  await page.fill('#plan-start', '2026-11-02');
  await page.locator('.schedule table').waitFor();
  const rows = await page.locator('.schedule tbody tr').allTextContents();
  assert.ok(rows.some((r) => r.includes('First core group meeting') && r.includes('16 Nov 2026')), rows.join('\n'));
  assert.ok(rows.some((r) => r.includes('Review child protection conference') && r.includes('2 Feb 2027')), rows.join('\n'));

  await page.click('button:text-is("Add a worry")');
  await page.fill('textarea[id^="worry-"]', 'Jenny leaves Amy alone at night');
  await page.click('button:text-is("Add an outcome")');
  await page.fill('textarea[id^="outcome-"]', 'An adult is with Amy every night');
  await page.selectOption('select[id$="-worry"]', { index: 1 });

  // The vague action every audit finds, typed by keyboard.
  await page.click('button:text-is("Add an action")');
  await page.keyboard.type('Mum to engage with services');
  const action = page.locator('fieldset.action').first();
  await action.locator('input[id$="-when"]').fill('ongoing');
  const hints = action.locator('.findings li');
  await hints.first().waitFor();
  const codes = await hints.evaluateAll((items) => items.map((li) => li.dataset.code).sort());
  assert.deepEqual(codes, ['action.no_measure', 'action.no_owner', 'action.open_ended_date', 'action.vague_verb', 'plan.action_without_outcome']);
  assert.match(await hints.allTextContents().then((t) => t.join(' ')), /“ongoing” has no end/);
  // Plain English, beside the words the family will read.
  await action.locator('.plain-hints li', { hasText: '“engage” may not be clear to the family. Try: take part.' }).waitFor();
  await screenshot(page, 'plan-not-smart');

  // Made SMART: the hints go.
  await action.locator('textarea[id$="-what"]').fill('Put Amy to bed by 7pm and stay in the house all night');
  await action.locator('select[id$="-who"]').selectOption({ label: 'Jenny Smith (Mum)' });
  await action.locator('input[id$="-when"]').fill('18/12/2026');
  await action.locator('textarea[id$="-how"]').fill('Amy tells Priya at each visit that Mum was home every night');
  await action.locator('select[id$="-outcome"]').selectOption({ index: 1 });
  await action.locator('.findings').waitFor({ state: 'detached' });
  await page.fill('#plan-contingency', 'If Amy is left alone again, Nan will look after her while we make a new plan.');
  await page.fill('#plan-child-views', 'Amy (6) said she gets scared when she wakes up and nobody is there.');
  await page.locator('.checker-summary', { hasText: 'found nothing to improve' }).waitFor();

  // Recording a visit moves the schedule on.
  await page.fill('#event-date', '2026-11-13');
  await page.click('text=Record it');
  await page.locator('.schedule tbody tr', { hasText: 'after the last visit on 13 Nov 2026' }).waitFor();
  // A review records who came, the scale, each action's progress and the decisions.
  await action.locator('select[id$="-status"]').selectOption('on_track');
  await page.fill('#review-date', '2026-11-20');
  await page.check('label:text-is("Jenny Smith (Mum)") >> xpath=preceding-sibling::input');
  await page.fill('#review-scale', '11');
  await page.click('button:text-is("Record the review")');
  await page.locator('.record-review [role=alert]', { hasText: '0 to 10' }).waitFor();
  await page.fill('#review-scale', '6');
  await page.fill('#review-decisions', 'The plan continues. Nan will help on Friday nights.');
  await page.click('button:text-is("Record the review")');
  await page.locator('.record-review [role=alert]', { hasText: 'Choose which meeting reviewed the plan' }).waitFor();
  // A core group reviewed the plan: the conference stays where it was.
  await page.getByLabel('Core group meeting', { exact: true }).check();
  await page.click('button:text-is("Record the review")');
  const review = page.locator('.review-history > li').first();
  await review.waitFor();
  const reviewText = await review.textContent();
  assert.match(reviewText, /Core group meeting on 20 Nov 2026/);
  await page.locator('.schedule tbody tr', { hasText: 'Review child protection conference' })
    .filter({ hasText: '3 months after the initial child protection conference' }).waitFor();
  assert.match(reviewText, /Who came: Jenny Smith/);
  assert.match(reviewText, /6 out of 10/);
  assert.match(reviewText, /Put Amy to bed by 7pm.*: On track/);
  await waitSaved(page);
  await expectAccessible(page, 'the plan editor');
  await screenshot(page, 'plan-editor');

  await page.reload();
  await page.locator('main h1', { hasText: 'Child Protection plan' }).waitFor();
  const plan = Object.values(await storedCases(page))[0].case.documents.plans[0];
  assert.equal(plan.kind, 'child_protection');
  assert.equal(plan.start, '2026-11-02');
  assert.equal(plan.actions[0].by_when, '18/12/2026');
  assert.equal(plan.events[0].date, '2026-11-13');
  assert.equal(plan.reviews.length, 1);
  assert.equal(plan.reviews[0].scale, 6);
  assert.equal(plan.reviews[0].kind, 'core_group');
  assert.equal(plan.reviews[0].progress[0].status, 'on_track');
  assert.ok(plan.actions[0].who.person, 'the action names a person from the case');

  await page.goto(`${server.url}#/cases/${id}`);
  await page.locator('.next-deadline', { hasText: 'Next deadline:' }).waitFor();
  // The core group that reviewed the plan on 20 Nov was the first core
  // group, so the next deadline is the visit: 10 working days after Friday
  // 13 Nov is Friday 27 Nov, overdue on the pages' day (3 Dec 2026).
  assert.match(await page.locator('.next-deadline').textContent(), /Visit to the child, 27 Nov 2026 \(overdue\)/);

  // The case list shows the deadline, and sorts by it.
  await createCase(page, server.url, 'No plan family');
  await page.goto(`${server.url}#/`);
  await page.locator('.next-due').waitFor();
  assert.match(await page.locator('.next-due').textContent(), /^Overdue Visit to the child, 27 Nov 2026$/);
  await page.selectOption('#case-order', 'deadline');
  assert.deepEqual(await page.locator('.case-list .case-link').allTextContents(), ['Plan family', 'No plan family']);
  expectNoProblems(page);
  await context.close();
});

test('a council practice profile changes the schedule, and profiles export and import', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const id = await createCase(page, server.url, 'Profile family');

  // Reach Settings by keyboard from the header.
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.locator('main h1').waitFor();
  await tabTo(page, /^Settings$/);
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Practice profile' }).waitFor();
  await expectAccessible(page, 'settings');
  await screenshot(page, 'settings');

  // This council reviews Child in Need plans every 4 weeks, and visits
  // every 6.
  await page.fill('#timescale-cin_review_every-count', '4');
  await page.press('#timescale-cin_review_every-count', 'Tab');
  await page.fill('#timescale-cin_visit_every-count', '6');
  await page.press('#timescale-cin_visit_every-count', 'Tab');
  await page.fill('#profile-name', 'Anytown Council');
  await page.press('#profile-name', 'Tab');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export this profile')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.name, 'Anytown Council');
  assert.deepEqual(exported.timescales.cin_review_every, { weeks: 4 });

  await page.goto(`${server.url}#/cases/${id}/plans`);
  await page.click('text=Start a Child in Need plan');
  await page.locator('main h1', { hasText: 'Child in Need plan' }).waitFor();
  await page.fill('#plan-start', '2026-11-02');
  await page.locator('.schedule tbody tr', { hasText: 'Child in Need review' }).waitFor();
  assert.match(await page.locator('.schedule tbody tr', { hasText: 'Child in Need review' }).textContent(), /30 Nov 2026.*4 weeks after/);
  // The case's overview gives the next deadline by the council's profile
  // too. By hand, from Mon 2 Nov 2026: the review 4 weeks on is Mon 30 Nov
  // (overdue on 3 Dec); a visit 6 weeks on is Mon 14 Dec. England's
  // defaults would put the visit first, on 30 Nov (every 4 weeks).
  await page.goto(`${server.url}#/cases/${id}`);
  assert.match(await page.locator('.next-deadline').textContent(), /^Next deadline: Child in Need review, 30 Nov 2026 \(overdue\)\.$/);

  // A fresh device imports the council's file; a bad file changes nothing.
  const good = scratchFile('anytown.json', JSON.stringify(exported));
  const bad = scratchFile('bad.json', JSON.stringify({ ...exported, timescales: { ...exported.timescales, cin_visit_every: { fortnights: 2 } } }));
  const fresh = await watchedPage(await browser.newContext());
  await fresh.goto(`${server.url}#/settings`);
  await fresh.locator('main h1', { hasText: 'Practice profile' }).waitFor();
  await fresh.setInputFiles('#profile-file', bad);
  await fresh.locator('[role=alert]', { hasText: 'timescales.cin_visit_every.fortnights' }).waitFor();
  assert.equal(await fresh.inputValue('#profile-name'), 'England (Working Together defaults)');
  await fresh.setInputFiles('#profile-file', good);
  await fresh.locator('.notice', { hasText: 'Anytown Council' }).waitFor();
  assert.equal(await fresh.inputValue('#timescale-cin_review_every-count'), '4');
  expectNoProblems(page);
  await context.close();
});

test('"Who will do it" shows its whole choice, at 320 px, at 1280 px, and at 1280 px zoomed to 200%', async () => {
  const file = sampleFamily();
  const family = file.cases[0];
  // One action given to someone who is not on the case.
  family.documents.plans[0].actions[0].who = { named: 'Mrs Nowak from the Polish Saturday school' };
  // 200% zoom on a 1280 px screen lays the page out 640 CSS px wide.
  for (const width of [320, 640, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await watchedPage(context);
    await importFile(page, server.url, scratchFile(`who-${width}.json`, JSON.stringify(file)));
    await page.goto(`${server.url}#/cases/${family.id}/plans/${family.documents.plans[0].id}`);
    await page.locator('select[id$="-who"]').first().waitFor();
    const clipped = await page.evaluate(() => {
      const canvas = document.createElement('canvas').getContext('2d');
      return [...document.querySelectorAll('select[id$="-who"]')].flatMap((select) => {
        const style = getComputedStyle(select);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.selectedOptions[0]?.textContent ?? '';
        // The text has the box less its padding, borders and the arrow.
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
        return canvas.measureText(text).width > room ? [`"${text}" needs ${Math.ceil(canvas.measureText(text).width)} px of ${Math.floor(room)}`] : [];
      });
    });
    assert.deepEqual(clipped, [], `${width} px wide`);
    await context.close();
  }
});
