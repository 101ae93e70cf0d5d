// Map benchmark: opening a Signs of Safety map of 10,000 entries, from the
// click on its link to every section drawn, and the entries drawn. Run by
// `make bench` on $BENCH_DIR/cases-map10000.json (`sample_cases -- 1 15 10000`).
import path from 'node:path';
import { startServer, launch, benchCases, pageWithRecords } from './support.mjs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench';
const RUNS = 5;
const { entries, stored } = benchCases(path.join(DIR, 'cases-map10000.json'));
const map = stored.case.documents.safety_maps[0];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const browser = await launch();
try {
  const page = await pageWithRecords(browser, server.url, entries);
  const times = [];
  let drawn = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${server.url}#/cases/${stored.case.id}`);
    await page.reload();
    await page.locator('main h1', { hasText: stored.case.label }).waitFor();
    // From the hash change to the map's last section in the DOM, then to the next frame.
    const result = await page.evaluate((id) => new Promise((resolve) => {
      const t0 = performance.now();
      const done = () => document.querySelectorAll('.map-section').length > 0 && document.querySelector('.map-section:last-of-type .entry');
      new MutationObserver((_, o) => {
        if (!done()) return;
        o.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, entries: document.querySelectorAll('.entry').length })));
      }).observe(document.body, { childList: true, subtree: true });
      location.hash = `#/cases/${id}/map`;
    }), stored.case.id);
    times.push(result.ms);
    drawn = result.entries;
  }
  console.log(`\nSigns of Safety map of ${map.entries.length} entries: opened in median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms of ${RUNS} (goal: under 1000 ms); ${drawn} entries drawn until "Show more"`);
} finally {
  await browser.close();
  server.stop();
}
