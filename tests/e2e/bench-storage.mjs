// Storage benchmark: opening the app, opening a case and saving, with 1,
// 100 and 500 realistic cases in the browser, and how many cases fit.
// Run by `make bench`, which first writes the cases with
// `cargo run --example sample_cases -- N` into $BENCH_DIR/cases-N.json.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch } from './support.mjs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench';
const COUNTS = [1, 100, 500];
const RUNS = 7;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

// Records when the case list first shows a case, measured from navigation start.
const readyProbe = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.case-link')) { window.__listReady = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
};

const server = await startServer();
const browser = await launch();
const rows = [];
let typical;
try {
  for (const count of COUNTS) {
    const entries = JSON.parse(fs.readFileSync(path.join(DIR, `cases-${count}.json`), 'utf8'));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(readyProbe);
    await page.goto(server.url);
    await page.evaluate((e) => { localStorage.clear(); for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);

    const open = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__listReady !== undefined);
      open.push(await page.evaluate(() => window.__listReady));
    }

    const index = JSON.parse(entries['kinplan.index']);
    const target = index.cases[0];
    const openCase = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => { location.hash = '#/'; });
      await page.reload();
      await page.waitForFunction(() => window.__listReady !== undefined);
      openCase.push(await page.evaluate(({ id, label }) => new Promise((resolve) => {
        const t0 = performance.now();
        const done = () => document.querySelector('main h1')?.textContent === label;
        new MutationObserver((_, o) => { if (done()) { o.disconnect(); resolve(performance.now() - t0); } })
          .observe(document.body, { childList: true, subtree: true, characterData: true });
        location.hash = `#/cases/${id}`;
      }), target));
    }

    // Two kinds of save: typing in a text (most saves), and renaming the
    // case, which also rewrites the case index.
    const timeSaves = async (selector, text) => {
      const out = [];
      for (let i = 0; i < 40; i++) {
        await page.locator(selector).first().fill(`${text} ${i}`);
        await page.locator('.save-status[data-status="saved"]').waitFor();
        out.push(await page.evaluate(() => performance.getEntriesByName('kinplan:save')[0].duration));
      }
      return out;
    };
    await page.locator('#case-label').waitFor();
    const edits = await timeSaves('textarea[id$="-communication"]', 'Likes to draw while talking');
    const renames = await timeSaves('#case-label', target.label);
    rows.push({
      count, open: median(open), openCase: median(openCase),
      edit: median(edits), edit95: pct(edits, 0.95), rename: median(renames), rename95: pct(renames, 0.95),
    });

    if (count === COUNTS[COUNTS.length - 1]) {
      const text = entries[`kinplan.case.${target.id}`];
      const fit = await page.evaluate((t) => {
        localStorage.clear();
        let n = 0;
        try { for (;;) { localStorage.setItem(`kinplan.case.copy-${n}`, t); n++; } } catch { /* full */ }
        localStorage.clear();
        return n;
      }, text);
      typical = { chars: text.length, bytes: text.length * 2, fit }; // localStorage holds UTF-16
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

console.log('\nStorage, in headless Chromium (median of 7 runs; saves: 40 of each kind on one case)\n');
console.log('cases   open app   open a case   save a text edit (median / p95)   save a rename (median / p95)');
for (const r of rows) {
  console.log(`${String(r.count).padStart(5)}   ${ms(r.open).padStart(8)}   ${ms(r.openCase).padStart(11)}   ${`${ms(r.edit)} / ${ms(r.edit95)}`.padStart(31)}   ${`${ms(r.rename)} / ${ms(r.rename95)}`.padStart(28)}`);
}
const first = rows[0], last = rows[rows.length - 1];
console.log(`\nopening with ${last.count} cases / with ${first.count}: ${(last.open / first.open).toFixed(2)}x (goal: at most 1.2x)`);
console.log(`slowest text-edit save at p95: ${ms(Math.max(...rows.map((r) => r.edit95)))}; slowest rename at p95: ${ms(Math.max(...rows.map((r) => r.rename95)))} (goal: at most 4 ms)`);
const fiveMb = Math.floor(5 * 1024 * 1024 / typical.bytes);
console.log(`a typical case (3 children, a map, a plan of 15 actions, 2 reviews): ${typical.chars} characters stored, ${(typical.bytes / 1024).toFixed(1)} KB as UTF-16`);
console.log(`typical cases in 5 MB: ${fiveMb} (goal: at least 300); copies that fit in this browser's localStorage: ${typical.fit}`);
