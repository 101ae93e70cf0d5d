// The family's safety plan: made from a map with two danger statements by
// keyboard alone, a network of four (one from outside the case), a network
// meeting that changes a rule, a rule tested twice, the print on A4, and
// everything still there after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectAccessible, expectNoProblems, screenshot, importFile, scratchFile, tabTo, waitSaved, storedCases, printToPdf, assertNoChrome, sampleFamily, tablet, holdGrownUps,
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

// The same family with a safety plan already agreed, for the children's own.
const agreed = sampleFamily();
const FAMILY_RULE = 'If Anna works a night shift, Babcia Zofia sleeps at the flat.';
agreed.cases[0].documents.safety_plans = [{
  id: '0f5d3c1e-2b4a-4c6d-8e7f-9a0b1c2d3e4f', created: '2026-12-01T10:00:00Z', updated: '2026-12-01T10:00:00Z', date: '2026-12-01',
  meeting: { attended: [], agreed: '', rule_changes: '' },
  rules: [{
    id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', danger_statement: map.danger_statements[0].id, text: FAMILY_RULE,
    kept_by: { person: anna.id }, checked_by: { person: zofia.id }, how_often_checked: 'Every shift',
    children_do: 'Ola phones Babcia.', what_happens_then: 'Babcia comes over.', tests: [],
  }],
  network: [
    { id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', person: { person: zofia.id }, role: 'Sleeps over', seen_danger_statement: true, agreed_to_help: true, contact: '' },
    { id: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f', person: { named: 'Auntie Ewa' }, role: 'Sundays', seen_danger_statement: true, agreed_to_help: true, contact: '07700 900789' },
  ],
  goal_scores: [],
}];
const AGREED = scratchFile('safety-plan-agreed.json', JSON.stringify(agreed));

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
  // The plain-English checker gives each section its reading age.
  const before = await page.locator('.before-print').textContent();
  for (const section of ['Our rules', 'Our safety network', 'Bottom lines', 'Network meeting']) {
    assert.match(before, new RegExp(`${section}: (reading age about|Reading age about) \\d+`), before);
  }
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

  // In Welsh for a family who want it: the fixed words translated, what
  // the network wrote as written, dates with Welsh month names.
  await page.getByLabel('Language of the family’s prints').selectOption({ label: 'Welsh (Cymraeg)' });
  await page.locator('main h1', { hasText: 'Ein cynllun diogelwch: Kowalski family' }).waitFor();
  await expectAccessible(page, 'the Welsh safety plan print');
  const welsh = await printToPdf(page, 'safety-plan-welsh');
  for (const words of [
    'Ein cynllun diogelwch: Kowalski family', 'Cytunwyd arno yng nghyfarfod y rhwydwaith ar 17 Rhagfyr 2026',
    'Ein rheolau', 'If Anna works a night shift, Babcia Zofia or Auntie Ewa sleeps at the flat.', 'Pwy sy’n ei gwirio',
    '9 Rhagfyr 2026: Wnaeth hi ddim gweithio.', 'Ein rhwydwaith diogelwch', 'Ddim eto', 'Beth newidiodd yn y rheolau:',
  ]) {
    assert.ok(welsh.text.includes(words), `the Welsh print lacks "${words}": ${welsh.text}`);
  }
  for (const english of ['Our rules', 'Who checks it', 'Not yet', 'Page 1 of']) {
    assert.ok(!welsh.text.includes(english), `the Welsh print has "${english}"`);
  }
  await page.getByLabel('Language of the family’s prints').selectOption({ label: 'English' });
  await page.locator('main h1', { hasText: 'Our safety plan: Kowalski family' }).waitFor();

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

test("a child makes their own safety plan in child mode, hears it, and it prints on one A4 page", async () => {
  const { context, page } = await tablet(browser);
  await importFile(page, server.url, AGREED);
  await page.goto(`${server.url}#/cases/${family.id}/safety-plan`);
  await page.locator('#childrens-plans-heading').waitFor();
  await page.getByRole('radio', { name: 'Ola' }).check();
  await page.fill('#child-lock-code', '2468');
  await page.getByRole('button', { name: 'Start child mode' }).tap();
  await page.getByRole('button', { name: /My safety plan/ }).tap();
  await page.locator('main h1', { hasText: "Ola's safety plan" }).waitFor();
  assert.equal(await page.locator('.app-header, .case-bar, a[href]').count(), 0, 'child mode has no way out');

  // Read aloud: the question, then the family's rule, to say Ola's way.
  await page.getByRole('button', { name: 'Hear the question' }).first().tap();
  await page.getByText("The grown-ups' rules").tap();
  const grownUps = page.locator('.grown-up-rule-list li', { hasText: FAMILY_RULE });
  await grownUps.getByRole('button', { name: 'Hear it' }).tap();
  await grownUps.getByRole('button', { name: 'Say it my way' }).tap();
  await page.locator('textarea:focus').waitFor();
  // Ola's words, spaces and all, kept exactly.
  const olasRule = 'when mum works nights  Babcia sleeps here ';
  await page.keyboard.type(olasRule);
  const rules = page.locator('section', { has: page.locator('#my-rules-heading') });
  await rules.getByRole('button', { name: 'I want to write' }).tap();
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type('I ring Babcia if I am scared');
  await rules.getByRole('button', { name: 'I want to write' }).tap();
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type('my torch under the bed');
  await rules.getByLabel('Just for me and my worker').nth(2).check();
  await rules.locator('.child-entry').first().getByRole('button', { name: 'Hear it' }).tap();
  assert.deepEqual(await page.evaluate(() => window.spoken), [
    'What will happen to keep you safe?', FAMILY_RULE, olasRule,
  ]);
  // The family's rule, once said, is not offered again but shown on the card.
  assert.equal(await grownUps.count(), 0);
  assert.match(await rules.locator('.child-entry').first().textContent(), /The grown-ups' rule: If Anna works a night shift/);

  // The people Ola can go to: two from the safety network, one she names.
  const people = page.locator('section', { has: page.locator('#my-people-heading') });
  for (const [who, words] of [['Add Zofia Nowak', 'Babcia makes pierogi'], ['Add Auntie Ewa', 'she has a dog called Max']]) {
    await people.getByRole('button', { name: who }).tap();
    await page.locator('textarea:focus').waitFor();
    await page.keyboard.type(words);
  }
  await page.fill('#my-person-other', 'Miss Patel');
  await people.getByRole('button', { name: 'Add them' }).tap();
  await page.locator('textarea:focus').waitFor();
  await page.keyboard.type('my teacher');
  const phones = people.getByLabel('Their phone number');
  // Numbers come from the case and the safety network, said beside the
  // empty field; Miss Patel's is new.
  const hints = people.locator('.child-entry .hint');
  assert.deepEqual(await hints.allTextContents(), [
    'We have 07700 900456. Type another number only if it is different.',
    'We have 07700 900789. Type another number only if it is different.',
    'Type it here.',
  ]);
  assert.equal(await phones.nth(0).inputValue(), '');
  await phones.nth(2).fill('01632 960321');
  await expectAccessible(page, "child mode, Ola's safety plan");
  await screenshot(page, 'my-safety-plan-768');

  // The worker leaves child mode; everything was kept.
  await holdGrownUps(page, 3300);
  await page.fill('#grown-up-code', '2468');
  await page.keyboard.press('Enter');
  await page.locator('.app-header').waitFor();
  const ola = family.children.find((c) => c.first_name === 'Ola');
  const stored = (await storedCases(page))[family.id].case.documents.child_safety_plans;
  assert.equal(stored.length, 1);
  assert.equal(stored[0].child_id, ola.id);
  assert.deepEqual(stored[0].rules.map((r) => r.words.text), [olasRule, 'I ring Babcia if I am scared', 'my torch under the bed']);
  assert.equal(stored[0].rules[0].from_rule, agreed.cases[0].documents.safety_plans[0].rules[0].id);
  assert.deepEqual(stored[0].people.map((p) => p.person), [{ person: zofia.id }, { named: 'Auntie Ewa' }, { named: 'Miss Patel' }]);

  // The worker's page shows it; the print is one A4 page of what Ola shared.
  await page.goto(`${server.url}#/cases/${family.id}/safety-plan`);
  await page.getByRole('radio', { name: 'Ola' }).check();
  await page.locator('.childrens-safety-plans', { hasText: 'I ring Babcia if I am scared' }).waitFor();
  await page.getByRole('link', { name: "Print Ola's safety plan" }).tap();
  await page.locator('main h1', { hasText: "Ola's safety plan" }).waitFor();
  assert.equal(await page.locator('.my-safety-plan-print .as-given').first().textContent(), olasRule);
  assert.match(await page.locator('.before-print').textContent(), /What keeps me safe: reading age about \d+/);
  await expectAccessible(page, "Ola's safety plan print");
  const pdf = await printToPdf(page, 'my-safety-plan');
  assert.equal(pdf.pages, 1, 'one A4 page');
  assert.ok(Math.abs(pdf.size[0] - 595) < 2 && Math.abs(pdf.size[1] - 842) < 2, `A4 portrait: ${pdf.size}`);
  // Each person with their number; on paper they sit in two columns.
  assert.deepEqual(await page.locator('.my-people .my-person').allTextContents(), [
    'Zofia Nowak 07700 900456', 'Auntie Ewa 07700 900789', 'Miss Patel 01632 960321',
  ]);
  for (const words of [
    "Ola's safety plan", 'when mum works nights Babcia sleeps here', 'I ring Babcia if I am scared',
    'Zofia Nowak', '07700 900456', 'Babcia makes pierogi', 'Auntie Ewa', '07700 900789', 'Miss Patel 01632 960321', 'My drawings',
  ]) {
    assert.ok(pdf.text.includes(words), `the print lacks "${words}": ${pdf.text}`);
  }
  assert.ok(!pdf.text.includes('torch'), 'a "just for me" rule reached the print');
  assertNoChrome(pdf.text);
  expectNoProblems(page);
  await context.close();
});

test("the child's safety plan on the worker's page at 1280 wide", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await importFile(page, server.url, AGREED);
  await page.goto(`${server.url}#/cases/${family.id}/safety-plan`);
  await page.locator('#childrens-plans-heading').waitFor();
  await page.locator('.childrens-safety-plans', { hasText: 'Ola has no safety plan of their own yet.' }).waitFor();
  await expectAccessible(page, "the safety plan page with the children's plans");
  await screenshot(page, 'childrens-safety-plans-1280');
  await page.getByRole('link', { name: "Print Ola's safety plan" }).click();
  await page.locator('main h1', { hasText: "Ola's safety plan" }).waitFor();
  // Nothing shared yet: both parts say so.
  assert.equal(await page.locator('.story-blank', { hasText: 'We will write this together.' }).count(), 2);
  await expectAccessible(page, "an empty child's safety plan print");
  await screenshot(page, 'my-safety-plan-print-1280');
  expectNoProblems(page);
  await context.close();
});
