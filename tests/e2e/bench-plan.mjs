// Plan editor benchmark: on a plan of 200 actions, with the SMART checker
// running, the time from a keystroke to the updated DOM. Run by `make
// bench` on $BENCH_DIR/cases-plan200.json (`sample_cases -- 1 200`).
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, unpackRecord } from './support.mjs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench';
const entries = JSON.parse(fs.readFileSync(path.join(DIR, 'cases-plan200.json'), 'utf8'));
const [key, record] = Object.entries(entries).find(([k]) => k.startsWith('kinplan.case.'));
const stored = unpackRecord(record);
const plan = stored.case.documents.plans[0];

const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.evaluate((e) => { localStorage.clear(); for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  await page.goto(`${server.url}#/cases/${stored.case.id}/plans/${plan.id}`);
  await page.reload();
  await page.locator('fieldset.action').nth(plan.actions.length - 1).waitFor();
  // Each keystroke: from keydown to the end of the task that handles it,
  // which includes Leptos's updates and the checker (they run before the
  // next task); a MessageChannel message is the first task after it.
  await page.evaluate(() => {
    window.__keyTimes = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__keyTimes.push(performance.now() - t0);
      channel.port2.postMessage(0);
    }, true);
  });
  const typeInto = async (locator) => {
    await page.evaluate(() => { window.__keyTimes = []; });
    await locator.focus();
    await page.keyboard.press('End');
    for (const ch of ' and then go to the GP about her low mood') {
      await page.keyboard.type(ch);
      await page.waitForTimeout(20);
    }
    const times = await page.evaluate(() => window.__keyTimes.slice(1)); // the End key is not typing
    times.sort((a, b) => a - b);
    return (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  };
  const p = await typeInto(page.locator('fieldset.action').first().locator('textarea[id$="-what"]'));
  // The browser's own share: the same typing into a bare textarea on the same page.
  await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('afterbegin', '<textarea id="bare" aria-label="bare"></textarea>'));
  const bare = await typeInto(page.locator('#bare'));
  const codes = await page.locator('fieldset.action').first().locator('.findings li').evaluateAll((li) => li.map((x) => x.dataset.code));
  console.log(`\nPlan editor, ${plan.actions.length} actions, checker running (first action now flagged: ${codes.join(', ') || 'nothing'})`);
  console.log(`keystroke to updated DOM: median ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms (goal: p95 at most 8 ms)`);
  console.log(`  of which the browser alone, typing in a bare textarea: median ${bare(0.5).toFixed(1)} ms, p95 ${bare(0.95).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.stop();
}
