// The family's safety plan: made from a map with two danger statements by
// keyboard alone, a network of four (one from outside the case), a network
// meeting that changes a rule, a rule tested twice, the print on A4, and
// everything still there after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectAccessible, expectNoProblems, screenshot, importFile, scratchFile, tabTo, waitSaved, storedCases, printToPdf, assertNoChrome, sampleFamily,
} from './support.mjs';

const sample = sampleFamily();
const family = sample.cases[0];
const map = family.documents.safety_maps[0];
const [anna, marek, zofia] = family.network;
const [priya] = family.workers;
// A second worry, with its goal: the map then has two of each.
const secondDanger = {
  id: '7d1e0c52-5b0b-4f4e-9a53-0c8c2b0e6f11', who_is_worried: 'Priya', behaviour: 'drinks when he has the children',
  by_whom: 'Marek', impact: 'get hurt', children: [], sentence: '',
};
map.danger_statements.push(secondDanger);
map.safety_goals.push({
  id: '1b7a0f3e-7c55-4d0e-8f3c-2b8d6c0a9e21', danger_statement: secondDanger.id,
  what_people_will_see: 'Marek is sober whenever he has the children', for_how_long: 'for 6 months',
});
const FIXTURE = scratchFile('safety-plan-family.json', JSON.stringify(sample));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Moves a focused select by the arrow keys until `text` is chosen. */
async function chooseByKeyboard(page, label, text) {
  await tabTo(page, label);
  for (let i = 0; i < 12; i++) {
    const chosen = await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.textContent ?? '');
    if (chosen.includes(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the select never showed ${text}`);
}

test('a safety plan is made from the map, tested, changed at a meeting and printed', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/safety-plan`);
  await page.locator('main h1', { hasText: 'Safety plan' }).waitFor();
  await page.locator('text=It will start with a rule to write for each of the map\'s 2 danger statements.').waitFor();

  // By keyboard alone: start the plan, and write the first rule.
  await tabTo(page, /Start the safety plan/);
  await page.keyboard.press('Enter');
  await page.locator('#rules-heading').waitFor();
  const worries = page.locator('.rule-group h3.danger-heading');
  assert.deepEqual(await worries.allTextContents(), [
    'Worry: Priya and the school are worried that Anna works at night and leaves the children alone again. If that happens, Ola (7) and Kuba (3) could get hurt or be very scared, with no grown-up there.',
    'Worry: Priya is worried that Marek drinks when he has the children again. If that happens, Ola (7) and Kuba (3) could get hurt.',
  ]);
  await tabTo(page, /The rule, in the family's words/);
  await page.keyboard.type('If Anna works a night shift, Babcia Zofia sleeps at the flat.');
  await chooseByKeyboard(page, /Who keeps it/, 'Anna Kowalska');
  await chooseByKeyboard(page, /Who in the network checks it/, 'Zofia Nowak');
  await tabTo(page, /How often they check/);
  await page.keyboard.type('Every night Anna works');
  await tabTo(page, /what the children do, and who they call/);
  await page.keyboard.type('Ola phones Babcia on 07700 900456.');
  await tabTo(page, /What happens then/);
  await page.keyboard.type('Babcia comes over and phones Priya the next morning.');
  // The rule tested twice: once it held, once it did not.
  for (const [date, what, again] of [
    ['2026-12-05', 'Anna worked Saturday night; Babcia stayed over.', false],
    ['2026-12-09', 'Babcia was ill; Ola phoned her and Marek came.', true],
  ]) {
    // The form stays open after a test: back up to the field before it,
    // so Tab lands on the date's first part.
    if (again) await tabTo(page, /What happens then/, { shift: true });
    await tabTo(page, /^Date$/);
    // Headless Chromium's date field orders its parts by its own build's
    // locale, not the page's; the value is set on the focused field.
    await page.locator(':focus').fill(date);
    await tabTo(page, /What happened/);
    await page.keyboard.type(what);
    // Tab reaches the chosen radio; the arrow keys choose another.
    await tabTo(page, /It held|It did not hold/);
    if (again) await page.keyboard.press('ArrowDown');
    await tabTo(page, /Record this test/);
    await page.keyboard.press('Enter');
    await page.locator('.rule-test-list li', { hasText: what }).waitFor();
  }
  const tests = page.locator('.rule').first().locator('.rule-test-list li');
  assert.deepEqual(await tests.allTextContents(), [
    '5 Dec 2026: It held. Anna worked Saturday night; Babcia stayed over.',
    '9 Dec 2026: It did not hold. Babcia was ill; Ola phoned her and Marek came.',
  ]);

  // The second worry's rule, by mouse this time.
  const second = page.locator('.rule').nth(1);
  await second.getByLabel('The rule, in the family\'s words').fill('Marek only sees the children at Babcia\'s flat.');
  await second.getByLabel('Who keeps it').selectOption({ label: 'Marek Kowalski (Dad)' });

  // A network of four: a parent and a worker (who do not count), Babcia
  // from the case, and Auntie Ewa from outside it.
  const network = page.locator('.network-role');
  for (const [who, part, seen] of [
    [`${anna.name} (Mum)`, 'Keeps the rules', true],
    [`${priya.name} (Social worker)`, 'Checks with the family each visit', true],
    [`${zofia.name} (Babcia (Nan))`, 'Sleeps at the flat on Anna\'s night shifts', true],
    [null, 'Has the children on Sundays', false],
  ]) {
    await page.click('#add-network');
    const row = network.last();
    if (who) await row.getByLabel('Who', { exact: true }).selectOption({ label: who });
    else await row.getByLabel('Their name').fill('Auntie Ewa');
    await row.getByLabel('Their part in the plan').fill(part);
    if (!who) await row.getByLabel('How to reach them').fill('07700 900789');
    if (seen) {
      await row.getByLabel('Has seen the danger statement').check();
      await row.getByLabel('Has agreed to help').check();
    }
  }
  // By hand: Babcia and Auntie Ewa count; the parents and workers do not.
  await page.locator('.network-advice', { hasText: 'The network has 2 people besides the parents. Plans hold better with at least 3' }).waitFor();
  await page.getByLabel('A grown-up Anna trusts is with Ola and Kuba every night, for the next 6 months.').fill('3');
  await page.getByLabel('What was agreed').fill('Babcia will sleep at the flat on every night shift.');
  await waitSaved(page);
  await expectAccessible(page, 'the safety plan');
  await screenshot(page, 'safety-plan-1280');

  // A network meeting: a new version, where the first rule changes.
  await page.fill('#next-meeting-date', '2026-12-17');
  await page.click('button:text-is("Record a network meeting")');
  await page.locator('#safety-plan-version option', { hasText: '17 Dec 2026 (latest)' }).waitFor({ state: 'attached' });
  const first = page.locator('.rule').first();
  await first.getByLabel('The rule, in the family\'s words').fill('If Anna works a night shift, Babcia Zofia or Auntie Ewa sleeps at the flat.');
  await page.getByLabel('What changed in the rules').fill('Auntie Ewa can stay when Babcia is ill.');
  await page.getByLabel('A grown-up Anna trusts is with Ola and Kuba every night, for the next 6 months.').fill('6');
  // The tests carry on into the new version.
  assert.equal(await first.locator('.rule-test-list li').count(), 2);
  await waitSaved(page);
  await page.locator('.score-chart g.series').first().waitFor();
  assert.match(await page.locator('.score-table').textContent(), /3.*6/);

  // The earlier version is kept as it was, read-only.
  await page.selectOption('#safety-plan-version', { index: 1 });
  await page.locator('.warning-text', { hasText: 'earlier version of the safety plan' }).waitFor();
  const earlier = await page.locator('.safety-plan-sheet').textContent();
  assert.match(earlier, /If Anna works a night shift, Babcia Zofia sleeps at the flat\./);
  assert.doesNotMatch(earlier, /Auntie Ewa sleeps/);
  assert.equal(await page.locator('.safety-plan-sheet textarea, .safety-plan-sheet input').count(), 0);
  await expectAccessible(page, 'an earlier version of the safety plan');
  await page.selectOption('#safety-plan-version', { index: 0 });

  // Reload: everything is there.
  await page.reload();
  await page.locator('#rules-heading').waitFor();
  assert.equal(await page.locator('.rule').first().getByLabel('The rule, in the family\'s words').inputValue(),
    'If Anna works a night shift, Babcia Zofia or Auntie Ewa sleeps at the flat.');
  assert.equal(await page.locator('.network-role').count(), 4);
  const stored = Object.values(await storedCases(page))[0].case.documents.safety_plans;
  assert.equal(stored.length, 2);
  assert.equal(stored[1].rules[0].tests.length, 2);
  assert.equal(stored[1].rules[0].danger_statement, map.danger_statements[0].id);
  assert.equal(stored[1].rules[1].danger_statement, secondDanger.id);
  assert.deepEqual(stored.map((v) => v.goal_scores[0].score), [3, 6]);

  // The print: rules, the network with how to reach each, bottom lines.
  await page.click('text=Print the safety plan');
  await page.locator('main h1', { hasText: 'Our safety plan' }).waitFor();
  await expectAccessible(page, 'the safety plan print');
  const pdf = await printToPdf(page, 'safety-plan');
  assert.ok(Math.abs(pdf.size[0] - 595) < 2 && Math.abs(pdf.size[1] - 842) < 2, `A4 portrait: ${pdf.size}`);
  for (const words of [
    'Our safety plan: Kowalski family', 'Agreed at the network meeting of 17 Dec 2026',
    'If Anna works a night shift, Babcia Zofia or Auntie Ewa sleeps at the flat.', 'Who checks it', 'Every night Anna works',
    'Ola phones Babcia on 07700 900456.', '9 Dec 2026: It did not hold.',
    'Marek only sees the children at Babcia\'s flat.',
    'Auntie Ewa Has the children on Sundays 07700 900789 Not yet',
    // Babcia's number comes from the case, since the row left it blank.
    'Zofia Nowak Sleeps at the flat on Anna\'s night shifts 07700 900456 Yes',
    'Bottom lines', 'Ola and Kuba are never left alone at night.',
    'What changed in the rules: Auntie Ewa can stay when Babcia is ill.',
  ]) {
    assert.ok(pdf.text.includes(words), `the print lacks "${words}": ${pdf.text}`);
  }
  assertNoChrome(pdf.text);
  assert.match(pdf.text, /Page 1 of \d/);

  // The Child Protection plan links to the safety plan instead of repeating
  // it, and the family's copy says where it is and when it was agreed.
  const plan = family.documents.plans[0];
  await page.goto(`${server.url}#/cases/${family.id}/plans/${plan.id}`);
  await page.getByLabel('The family\'s safety plan is part of this plan').check();
  await waitSaved(page);
  await page.goto(`${server.url}#/cases/${family.id}/print/plan/${plan.id}`);
  await page.locator('.print-safety-plan-note', {
    hasText: 'Your safety plan is part of this plan. It has the rules you agreed with your network on 17 Dec 2026. Keep the two together.',
  }).waitFor();
  await expectAccessible(page, 'the family plan that links to the safety plan');
  expectNoProblems(page);
  await context.close();
});

test('the safety plan works by touch on a tablet', async () => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/safety-plan`);
  await page.getByRole('button', { name: 'Start the safety plan' }).tap();
  await page.locator('.rule').first().getByLabel('The rule, in the family\'s words').fill('Babcia sleeps at the flat on night shifts.');
  await page.locator('#add-network').tap();
  await page.locator('.network-role').getByLabel('Their name').fill('Auntie Ewa');
  await waitSaved(page);
  await expectAccessible(page, 'the safety plan on a tablet');
  await screenshot(page, 'safety-plan-768');
  expectNoProblems(page);
  await context.close();
});
