// Plan editor benchmark: on a plan of 200 actions, with the SMART checker
// running, the time from a keystroke to the updated DOM. Run by `make
// bench` on $BENCH_DIR/cases-plan200.json (`sample_cases -- 1 200`).
import path from 'node:path';
import { startServer, launch, benchCases, pageWithRecords } from './support.mjs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench';
const { entries, stored } = benchCases(path.join(DIR, 'cases-plan200.json'));
const plan = stored.case.documents.plans[0];

const server = await startServer();
const browser = await launch();
try {
  const page = await pageWithRecords(browser, server.url, entries);
  await page.goto(`${server.url}#/cases/${stored.case.id}/plans/${plan.id}`);
  await page.reload();
  await page.locator('fieldset.action').nth(plan.actions.length - 1).waitFor();
  // Each keystroke, two ways:
  // - to the updated DOM: from keydown to the end of the input event. Leptos
  //   updates the DOM in microtasks, which run before the next listener, so
  //   this listener on window, added last, sees the DOM already updated and
  //   the checker already run.
  // - to the next task: as above, plus whatever the browser does before its
  //   next task, often the style, layout and paint of a frame.
  await page.evaluate(() => {
    window.__keyTimes = [];
    window.__taskTimes = [];
    let t0 = 0;
    window.addEventListener('keydown', () => {
      t0 = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__taskTimes.push(performance.now() - t0);
      channel.port2.postMessage(0);
    }, true);
    window.addEventListener('input', () => window.__keyTimes.push(performance.now() - t0));
  });
  const typeInto = async (locator) => {
    await page.evaluate(() => { window.__keyTimes = []; window.__taskTimes = []; });
    await locator.focus();
    await page.keyboard.press('End');
    // About 120 keystrokes, so the 95th percentile is not one unlucky key.
    for (const ch of ' and then go to the GP about her low mood'.repeat(3)) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(20);
    }
    const [dom, task] = await page.evaluate(() => [window.__keyTimes, window.__taskTimes.slice(1)]); // the End key is not typing
    const quantile = (times) => {
      times.sort((a, b) => a - b);
      return (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    };
    return { dom: quantile(dom), task: quantile(task) };
  };
  const p = await typeInto(page.locator('fieldset.action').first().locator('textarea[id$="-what"]'));
  // The browser's own share: the same typing into a bare textarea on the same page.
  await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('afterbegin', '<textarea id="bare" aria-label="bare"></textarea>'));
  const bare = await typeInto(page.locator('#bare'));
  const codes = await page.locator('fieldset.action').first().locator('.findings li').evaluateAll((li) => li.map((x) => x.dataset.code));
  console.log(`\nPlan editor, ${plan.actions.length} actions, checker running (first action now flagged: ${codes.join(', ') || 'nothing'})`);
  const line = (f) => `median ${f(0.5).toFixed(1)} ms, p95 ${f(0.95).toFixed(1)} ms`;
  console.log(`keystroke to updated DOM: ${line(p.dom)} (goal: p95 at most 8 ms)`);
  console.log(`  the browser alone, typing in a bare textarea on the same page: ${line(bare.dom)}`);
  console.log(`keystroke to the next task, with the browser's frame: ${line(p.task)}; bare textarea: ${line(bare.task)}`);
} finally {
  await browser.close();
  server.stop();
}
