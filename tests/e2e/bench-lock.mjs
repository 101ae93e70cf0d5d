// Passphrase lock benchmark: unlocking (key derivation and decrypting
// every record) with 500 cases, and what encryption adds to saving the
// largest case. Run by `make bench` after bench-storage.mjs's files exist.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch } from './support.mjs';

const DIR = process.env.BENCH_DIR ?? '../../target/bench';
const PASSPHRASE = 'benchmark passphrase';
const RUNS = 5;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

async function seed(page, url, file) {
  const entries = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
  await page.goto(url);
  await page.evaluate((e) => { localStorage.clear(); for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  return entries;
}

async function setPassphrase(page, url) {
  await page.goto(`${url}#/settings/passphrase`);
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(PASSPHRASE);
  await page.getByLabel(/forgotten passphrase cannot be recovered/).check();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await page.locator('.notice', { hasText: 'now encrypted' }).waitFor({ timeout: 120000 });
  return Date.now() - t0;
}

async function unlock(page) {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('main h1', { hasText: 'Your cases' }).waitFor();
  const wall = Date.now() - t0;
  return { wall, measured: await page.evaluate(() => performance.getEntriesByName('kinplan:unlock')[0].duration) };
}

// 40 edits of one text in the case; each save's time, and with the lock
// on, the time until the encrypted record is in storage.
async function timeSaves(page, encrypted) {
  const saves = [], seals = [];
  for (let i = 0; i < 40; i++) {
    await page.locator('textarea[id$="-communication"]').first().fill(`Likes to draw while talking ${i}`);
    await page.locator('.save-status[data-status="saved"]').waitFor();
    if (encrypted) await page.waitForFunction(() => performance.getEntriesByName('kinplan:seal').length > 0);
    const [save, seal] = await page.evaluate(() => {
      const s = performance.getEntriesByName('kinplan:save')[0].duration;
      const e = performance.getEntriesByName('kinplan:seal')[0]?.duration ?? 0;
      performance.clearMeasures('kinplan:seal');
      return [s, e];
    });
    saves.push(save);
    seals.push(seal);
  }
  return { saves, seals };
}

const server = await startServer();
const browser = await launch();
try {
  // Unlocking with 500 cases.
  let context = await browser.newContext();
  let page = await context.newPage();
  await seed(page, server.url, 'cases-500.json');
  const encryptAll = await setPassphrase(page, server.url);
  const unlocks = [];
  await page.goto(`${server.url}#/`);
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.locator('main h1', { hasText: 'Kinplan is locked' }).waitFor();
    unlocks.push(await unlock(page));
  }
  await context.close();

  // Saving the largest case (200 actions), without and with the lock.
  context = await browser.newContext();
  page = await context.newPage();
  const entries = await seed(page, server.url, 'cases-plan200.json');
  const id = Object.keys(entries).find((k) => k.startsWith('kinplan.case.')).slice('kinplan.case.'.length);
  await page.goto(`${server.url}#/cases/${id}`);
  await page.locator('textarea[id$="-communication"]').first().waitFor();
  const plain = await timeSaves(page, false);
  await setPassphrase(page, server.url);
  await page.goto(`${server.url}#/cases/${id}`);
  await page.locator('textarea[id$="-communication"]').first().waitFor();
  const locked = await timeSaves(page, true);
  const size = await page.evaluate((k) => localStorage.getItem(k).length, `kinplan.case.${id}`);
  await context.close();

  console.log('\nPassphrase lock, in headless Chromium (PBKDF2-SHA256, 600,000 rounds; AES-256-GCM)\n');
  console.log(`encrypting a device with 500 cases (Set passphrase to done): ${ms(encryptAll)}`);
  console.log(`unlock with 500 cases, key derivation and decrypting every record (median of ${RUNS}): ${ms(median(unlocks.map((u) => u.measured)))}; click to case list shown: ${ms(median(unlocks.map((u) => u.wall)))} (goal: under 1500 ms)`);
  const extra = locked.saves.map((s, i) => s + locked.seals[i] - median(plain.saves));
  console.log(`largest case (200 actions, ${size} characters stored): save without the lock median ${ms(median(plain.saves))} / p95 ${ms(pct(plain.saves, 0.95))}`);
  console.log(`  with the lock: save ${ms(median(locked.saves))} / p95 ${ms(pct(locked.saves, 0.95))}, then encrypted and stored ${ms(median(locked.seals))} / p95 ${ms(pct(locked.seals, 0.95))}`);
  console.log(`  extra time for a save with the lock on, p95: ${ms(pct(extra, 0.95))} (goal: the whole save within one 16.7 ms frame)`);
} finally {
  await browser.close();
  server.stop();
}
