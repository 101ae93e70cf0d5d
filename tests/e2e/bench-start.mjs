// Cold start on a council tablet: Kinplan's case list against a minimal
// Leptos app (bench/minimal) built in the same `make bench` run, then the
// first opening of each tool. Prints figures and their budgets (issue 22):
// the case list within 1.5 times the minimal app's start, median of
// alternating pairs; each tool's first opening within 300 ms.
//
// The tablet is Chromium with its CPU slowed 4 times and a 20 Mbit/s link
// with 20 ms of latency (DevTools' throttling). Both sites are served
// brotli-compressed, as a council's web server would, from one local
// server. Every run is a new browser context: an empty cache and no
// service worker yet, as on a first visit.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, benchCases } from './support.mjs';

const KINPLAN = path.resolve(process.env.DIST_DIR ?? '../../dist');
const MINIMAL = path.resolve(process.env.MINIMAL_DIR ?? '../../target/bench/minimal');
const DIR = process.env.BENCH_DIR ?? '../../target/bench';
const PAIRS = Number(process.env.START_PAIRS ?? 9);
const TOOL_RUNS = Number(process.env.TOOL_RUNS ?? 3);
const START_RATIO_BUDGET = 1.5;
const TOOL_BUDGET_MS = 300;
const CPU_SLOWDOWN = 4;
const LINK = { offline: false, latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${Math.round(x)} ms`;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** Serves /kinplan/ and /minimal/ with brotli, each file compressed once. */
function serve() {
  const sites = { kinplan: KINPLAN, minimal: MINIMAL };
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    const [, site, ...rest] = decodeURIComponent(new URL(req.url, 'http://x').pathname).split('/');
    const root = sites[site];
    const file = root && path.join(root, rest.join('/') || 'index.html');
    if (!file || !file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    let body = fs.readFileSync(file);
    if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(file)) {
        compressed.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = compressed.get(file);
      headers['Content-Encoding'] = 'br';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A page on the slowed tablet, in a context of its own. */
async function tabletPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', LINK);
  return { context, page };
}

/** Milliseconds from navigation to the first frame that shows `heading`
 *  as the page's main heading, with nothing still loading. */
async function timeToHeading(page, heading) {
  const shown = await page.waitForFunction((wanted) => {
    const h1 = document.querySelector('main h1');
    return h1 && h1.textContent.includes(wanted) && !document.querySelector('.loading') ? performance.now() : null;
  }, heading, { polling: 'raf', timeout: 60000 });
  return shown.jsonValue();
}

async function coldStart(browser, url) {
  const { context, page } = await tabletPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    return await timeToHeading(page, 'Your cases');
  } finally {
    await context.close();
  }
}

/** Opens `from` with `entries` in storage, then times going to `tool`
 *  until its heading shows, in the page itself. With `worker`, the service
 *  worker has first kept every piece on the device, as after any first
 *  visit; without, the tool's pieces come over the link. */
async function firstOpen(browser, base, entries, from, tool, worker) {
  const { context, page } = await tabletPage(browser, { serviceWorkers: worker ? 'allow' : 'block' });
  try {
    await page.goto(base);
    await page.evaluate((e) => { localStorage.clear(); for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
    if (worker) await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60000 });
    await page.goto(base + from.hash);
    await page.reload();
    await timeToHeading(page, from.heading);
    return await page.evaluate(({ hash, heading }) => new Promise((resolve) => {
      const t0 = performance.now();
      location.hash = hash;
      const look = () => {
        const h1 = document.querySelector('main h1');
        if (h1 && h1.textContent.includes(heading) && !document.querySelector('.loading')) resolve(performance.now() - t0);
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }), tool);
  } finally {
    await context.close();
  }
}

if (!fs.existsSync(path.join(MINIMAL, 'index.html'))) {
  throw new Error(`bench-start: no minimal app in ${MINIMAL} (make bench builds it)`);
}
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
try {
  console.log(`\nCold start to the first page, CPU slowed ${CPU_SLOWDOWN}x, ${LINK.downloadThroughput * 8 / 1e6} Mbit/s, ${LINK.latency} ms latency, brotli; ${PAIRS} alternating pairs after one untimed start of each`);
  // The browser's first context starts slower than any later one, for
  // either site: one untimed start of each first.
  await coldStart(browser, `${origin}/kinplan/`);
  await coldStart(browser, `${origin}/minimal/`);
  const kinplan = [], minimal = [];
  for (let i = 0; i < PAIRS; i++) {
    const order = i % 2 === 0 ? ['kinplan', 'minimal'] : ['minimal', 'kinplan'];
    for (const site of order) {
      const t = await coldStart(browser, `${origin}/${site}/`);
      (site === 'kinplan' ? kinplan : minimal).push(t);
    }
    console.log(`  pair ${i + 1}: Kinplan ${ms(kinplan.at(-1))}, minimal Leptos app ${ms(minimal.at(-1))}`);
  }
  const ratio = median(kinplan) / median(minimal);
  console.log(`Kinplan's case list: median ${ms(median(kinplan))}; minimal Leptos app: median ${ms(median(minimal))}`);
  console.log(`cold start, Kinplan / minimal: ${ratio.toFixed(2)}x (budget ${START_RATIO_BUDGET}x)${ratio <= START_RATIO_BUDGET ? '' : ', OVER'}`);

  const { entries, stored } = benchCases(path.join(DIR, 'cases-1.json'));
  const id = stored.case.id;
  const child = stored.case.children[0].id;
  const tools = [
    ['case overview', `#/cases/${id}`, stored.case.label],
    ['Signs of Safety map', `#/cases/${id}/map`, 'Signs of Safety map'],
    ['safety plan', `#/cases/${id}/safety-plan`, 'Safety plan'],
    ['plans', `#/cases/${id}/plans`, 'Plans'],
    ['Three Houses', `#/cases/${id}/three-houses`, 'Three Houses'],
    ['I have, I am, I can', `#/cases/${id}/i-have-i-am-i-can`, 'I have, I am, I can'],
    ['resilience matrix', `#/cases/${id}/resilience`, 'Resilience matrix'],
    ['chronology', `#/cases/${id}/chronology`, 'Chronology'],
    ['genogram', `#/cases/${id}/genogram`, 'Genogram'],
    ['print: the map', `#/cases/${id}/print/map`, 'Signs of Safety map'],
    ['print: resilience', `#/cases/${id}/print/resilience/${child}`, 'resilience matrix'],
    ['settings', '#/settings', 'Practice profile'],
    ['passphrase lock', '#/settings/passphrase', 'Passphrase lock'],
  ];
  const list = { hash: '#/', heading: 'Your cases' };
  const overview = { hash: `#/cases/${id}`, heading: stored.case.label };
  let worst = 0;
  for (const worker of [true, false]) {
    console.log(worker
      ? `\nFirst opening of each tool in a page load, same tablet, its pieces kept by the service worker (as after the first visit); median of ${TOOL_RUNS}`
      : `\nThe same with no service worker, every piece over the link (a first visit); median of ${TOOL_RUNS}`);
    for (const [name, hash, heading] of tools) {
      // The overview is where the others start: it is timed from the case list.
      const from = name === 'case overview' ? list : overview;
      const runs = [];
      for (let i = 0; i < TOOL_RUNS; i++) {
        runs.push(await firstOpen(browser, `${origin}/kinplan/`, entries, from, { hash, heading }, worker));
      }
      const m = median(runs);
      if (worker) worst = Math.max(worst, m);
      console.log(`  ${name.padEnd(24)} ${ms(m).padStart(8)}${!worker || m <= TOOL_BUDGET_MS ? '' : '  OVER'}`);
    }
  }
  console.log(`slowest first opening of a tool, pieces on the device: ${ms(worst)} (budget ${TOOL_BUDGET_MS} ms)${worst <= TOOL_BUDGET_MS ? '' : ', OVER'}`);
} finally {
  await browser.close();
  server.close();
}
