// "Check this plan": the quality self-check answers what the data can
// settle, asks the worker the rest, and grades on the six-point scale.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectAccessible, expectNoProblems, screenshot, storedCases, waitSaved, importFile, SAMPLE_FAMILY, sampleFamily,
} from './support.mjs';

const FIXTURE = SAMPLE_FAMILY;
const family = sampleFamily().cases[0];
const plan = family.documents.plans[0];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the plan check grades the plan, shows each basis, and keeps the worker answers', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await importFile(page, server.url, FIXTURE);
  await page.goto(`${server.url}#/cases/${family.id}/plans/${plan.id}`);
  await page.click('text=Check this plan');
  await page.locator('main h1', { hasText: 'Check this plan' }).waitFor();
  assert.match(page.url(), /\/plans\/[0-9a-f-]{36}\/check$/);

  const statement = (code) => page.locator(`.statement[data-code="${code}"]`);
  assert.match(await statement('smart_actions').textContent(), /Yes\. The SMART checker found nothing to improve in 4 actions\./);
  assert.match(await statement('child_view').textContent(), /Yes\. The plan records the children's views\./);
  assert.match(await page.locator('.grade-panel').textContent(), /2 still need your answer/);
  assert.match(await page.locator('section', { has: page.locator('#areas-heading') }).textContent(), /Visits and meetings are on time/);
  await expectAccessible(page, 'the plan check');

  // The worker answers the two questions only they can.
  await statement('absent_parent_view').getByLabel('No', { exact: true }).check();
  await statement('shared_in_time').getByLabel('Yes', { exact: true }).check();
  await page.locator('.grade-panel', { hasNotText: 'still need your answer' }).waitFor();
  // By hand, on 3 Dec 2026 (the fixed clock): all 13 statements apply.
  // "No" are the father's views (answered above), visits on time (a child
  // protection visit is due 10 working days after the last, 13 Nov 2026:
  // Fri 27 Nov, so overdue) and the safety plan (there is none yet).
  // Plain words is "yes": the family's copy reads at about 9 (8.8 by
  // `make bench`).
  // 10 of 13 = 77%: "Good" on the scale's reading in crates/kinplan-core/src/domain/plans/quality.rs
  // (all Excellent, 90% Very good, 75% Good).
  assert.match(await statement('on_time').textContent(), /No\. Overdue: Visit to the child \(27 Nov 2026\)/);
  assert.match(await statement('plain_words').textContent(), /Yes\. The family's copy reads at about age 9\./);
  assert.match(await statement('safety_plan_agreed').textContent(), /No\. There is no safety plan yet\./);
  assert.equal(await page.locator('.grade').textContent(), 'Grade: Good');
  await waitSaved(page);
  await screenshot(page, 'plan-check');

  await page.reload();
  await page.locator('main h1', { hasText: 'Check this plan' }).waitFor();
  assert.ok(await statement('absent_parent_view').getByLabel('No', { exact: true }).isChecked());
  const stored = Object.values(await storedCases(page))[0].case.documents.plans[0].quality;
  assert.deepEqual(stored, [{ code: 'absent_parent_view', answer: 'no' }, { code: 'shared_in_time', answer: 'yes' }]);
  expectNoProblems(page);
  await context.close();
});
