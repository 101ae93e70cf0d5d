// Shared end-to-end plumbing: serve dist/ from a sub-folder with a plain
// static server, drive Debian's Chromium, and check pages with axe-core.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
export const DIST = path.resolve(process.env.DIST_DIR ?? '../../dist');
export const SHOTS = path.resolve(process.env.SHOTS_DIR ?? '../../target/screenshots');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SUBFOLDER = '/apps/kinplan/';

/** The sample family's export file, which most tests import. */
export const SAMPLE_FAMILY = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/sample-family.json');

/** A fresh copy of the sample family's export, for a test to read or change. */
export function sampleFamily() {
  return JSON.parse(fs.readFileSync(SAMPLE_FAMILY, 'utf8'));
}
fs.mkdirSync(SHOTS, { recursive: true });

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const waitForPort = async (port) => {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => net.connect(port, '127.0.0.1', function () { this.end(); r(true); }).on('error', () => r(false)));
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server did not start on ${port}`);
};

/** Starts python's http.server with dist/ (or `site`) at /apps/kinplan/. */
export async function startServer(site = DIST) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinplan-site-'));
  fs.mkdirSync(path.join(root, 'apps'));
  fs.symlinkSync(site, path.join(root, 'apps', 'kinplan'));
  const port = await freePort();
  // Its own process group, so the whole server goes when the test ends.
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root],
    { stdio: 'ignore', detached: true });
  await waitForPort(port);
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${SUBFOLDER}`,
    stop() { try { process.kill(-proc.pid); } catch { /* already gone */ } fs.rmSync(root, { recursive: true, force: true }); },
  };
}

/** A copy of dist/ that a test may stop serving or deploy again over. */
export function siteCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinplan-deploy-'));
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** Waits until the service worker controls the page, after a first visit. */
export async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
}

/** Writes a file for a file input into this test file's scratch folder,
 *  which goes when the tests end, and returns its path. */
let scratch;
export function scratchFile(name, text) {
  if (!scratch) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kinplan-files-'));
    process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  }
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Every page's day: no test depends on the day it runs. */
export const TODAY = '2026-12-03';

/** A page that records console errors and warnings, page errors and CSP violations. */
export async function watchedPage(context) {
  const page = await context.newPage();
  // The page's clock starts at 09:00 on TODAY and runs on from there.
  // Only Date moves: Playwright's page.clock also fakes timers and
  // animation frames, which changes when focus moves and autosave runs.
  await page.addInitScript((start) => {
    const RealDate = Date;
    // One clock for the tab: a reload carries on from where it was, as a
    // real clock does, instead of going back to 09:00.
    let origin = RealDate.now();
    try {
      origin = Number(sessionStorage.getItem('e2e-clock-origin')) || origin;
      sessionStorage.setItem('e2e-clock-origin', String(origin));
    } catch { /* about:blank has no storage */ }
    const offset = start - origin;
    globalThis.Date = class extends RealDate {
      constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
      static now() { return RealDate.now() + offset; }
    };
  }, new Date(`${TODAY}T09:00:00`).getTime());
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Opens the app at `hash` and waits for the page heading. */
export async function open(page, url, hash = '#/') {
  await page.goto(url + hash);
  await page.locator('main h1').waitFor();
}

/** Runs axe-core for WCAG 2.2 AA and fails on any violation. */
export async function expectAccessible(page, name) {
  // Evaluated through DevTools rather than added as a <script>, which the
  // app's Content-Security-Policy would rightly block.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe found violations on ${name}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Presses Tab until the focused element's text or label matches, as a keyboard user would. */
export async function tabTo(page, pattern, { max = 80, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      const label = el.labels?.[0]?.textContent ?? '';
      return `${el.textContent ?? ''} ${label} ${el.getAttribute('aria-label') ?? ''}`.replace(/\s+/g, ' ').trim();
    });
    if (pattern.test(focused)) return;
  }
  throw new Error(`Tab never reached ${pattern}`);
}

/** Reads a stored case record: plain JSON, or packed (see crates/kinplan-core/src/domain/persist/packing.rs). */
export function unpackRecord(raw) {
  if (!raw.startsWith('\u0001')) return JSON.parse(raw);
  const body = raw.slice(raw.indexOf('\u0002') + 1);
  const colon = body.indexOf(':');
  const bytes = decode15(body.slice(colon + 1), Number(body.slice(0, colon)));
  return JSON.parse(zlib.inflateRawSync(Buffer.from(bytes)).toString('utf8'));
}

/** The stored JSON of every case, keyed by id. */
export async function storedCases(page) {
  const raw = await page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('kinplan.case.')) out[key.slice('kinplan.case.'.length)] = localStorage.getItem(key);
    }
    return out;
  });
  return Object.fromEntries(Object.entries(raw).map(([id, text]) => [id, unpackRecord(text)]));
}

export function expectNoProblems(page) {
  assert.deepEqual(page.problems, [], 'console errors, warnings or CSP violations');
}

/** Creates a case through the form and returns its id, on its overview page. */
export async function createCase(page, url, label) {
  await open(page, url);
  await page.fill('#new-case-label', label);
  await page.click('text=Create case');
  await page.locator('main h1', { hasText: label }).waitFor();
  return page.url().split('#/cases/')[1];
}

/** Imports an export file through the case list, as a worker would. */
export async function importFile(page, url, file, cases = 1) {
  await open(page, url);
  await page.setInputFiles('#import-file', file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.notice', { hasText: `Imported ${cases} case${cases === 1 ? '' : 's'}.` }).waitFor();
}

/** Sets the passphrase lock through Settings, as a worker would. */
export async function setPassphrase(page, url, passphrase) {
  await open(page, url, '#/settings/passphrase');
  await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type the new passphrase again').fill(passphrase);
  await page.getByLabel(/forgotten passphrase cannot be recovered/).check();
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await page.locator('.notice', { hasText: 'now encrypted' }).waitFor();
}

/** Types `passphrase` on the unlock screen. */
export async function unlock(page, passphrase) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** The stored records a benchmark starts from, and its one case unpacked. */
export function benchCases(file) {
  const entries = JSON.parse(fs.readFileSync(file, 'utf8'));
  const [key, record] = Object.entries(entries).find(([k]) => k.startsWith('kinplan.case.'));
  return { entries, key, stored: unpackRecord(record) };
}

/** A 1280 x 900 page of the app whose storage holds exactly `entries`. */
export async function pageWithRecords(browser, url, entries) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.evaluate((e) => { localStorage.clear(); for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  return page;
}

/** Waits for the save status line to say `Saved`. */
export async function waitSaved(page) {
  await page.locator('.save-status[data-status="saved"]').waitFor();
}

/** Clicks `selector` and returns the text of the file it downloads. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/**
 * The passphrase lock's scheme (docs/security.md), written again here from
 * the documentation with Node's WebCrypto, so the tests check the format
 * as documented rather than the app's own code.
 */
export async function deriveKey(passphrase, kdf) {
  const { subtle } = globalThis.crypto;
  assert.equal(kdf.name, 'PBKDF2');
  assert.equal(kdf.hash, 'SHA-256');
  const base = await subtle.importKey('raw', Buffer.from(passphrase, 'utf8'), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: Buffer.from(kdf.salt, 'base64') },
    base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The plain export JSON inside an encrypted export file. */
export async function openEncryptedExport(text, passphrase) {
  const file = JSON.parse(text);
  assert.equal(file.format, 'kinplan-encrypted-export');
  const key = await deriveKey(passphrase, file.kdf);
  const plain = await globalThis.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: Buffer.from(file.cipher.iv, 'base64') }, key, Buffer.from(file.ciphertext, 'base64'));
  return JSON.parse(Buffer.from(plain).toString('utf8'));
}

/** Decrypts one stored record (`\u0003<stamp>\u0002<n>:<15-bit chars>`) to the JSON it holds. */
export async function openStoredRecord(storageKey, raw, key) {
  assert.ok(raw.startsWith('\u0003'), `${storageKey} is encrypted`);
  const header = raw.slice(1, raw.indexOf('\u0002'));
  const body = raw.slice(raw.indexOf('\u0002') + 1);
  const colon = body.indexOf(':');
  const bytes = Buffer.from(decode15(body.slice(colon + 1), Number(body.slice(0, colon))));
  const plain = Buffer.from(await globalThis.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: Buffer.from(`${storageKey}\u0000${header}`, 'utf8') },
    key, bytes.subarray(12)));
  const text = plain[0] === 1 ? zlib.inflateRawSync(plain.subarray(1)).toString('utf8') : plain.subarray(1).toString('utf8');
  return JSON.parse(text);
}

function decode15(chars, length) {
  const bytes = [];
  let buffer = 0, bits = 0;
  for (const ch of chars) {
    buffer = (buffer << 15) | (ch.codePointAt(0) - 0x1000);
    bits += 15;
    while (bits >= 8 && bytes.length < length) { bits -= 8; bytes.push((buffer >> bits) & 0xff); buffer &= (1 << bits) - 1; }
  }
  return bytes;
}

/** Prints the page to PDF as the browser's print would, and reads it back. */
export async function printToPdf(page, name) {
  const out = path.resolve(SHOTS, '../print');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // The first page as a picture, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, `print-${name}`)]);
  return { pages: Number(info.match(/Pages:\s+(\d+)/)[1]), size: info.match(/Page size:\s+([\d.]+) x ([\d.]+)/).slice(1).map(Number), text };
}

export function assertNoChrome(text) {
  for (const chrome of ['Kinplan version', 'Saved', 'Before you print', 'Reading age', 'Prints on A4', 'The checker found', 'Skip to main content']) {
    assert.ok(!text.includes(chrome), `the print shows "${chrome}"`);
  }
}

/** A tablet held upright, with touch, where read-aloud is recorded in
 * `window.spoken` instead of spoken. */
export async function tablet(browser) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  const page = await watchedPage(context);
  await page.addInitScript(() => {
    window.spoken = [];
    window.speechSynthesis.speak = (utterance) => window.spoken.push(utterance.text);
  });
  return { context, page };
}

/** Holds child mode's "Grown-ups" by keyboard for `ms`: the hold is the
 * lock, so it takes real time. */
export async function holdGrownUps(page, ms) {
  await page.getByRole('button', { name: 'Grown-ups' }).focus();
  await page.keyboard.down('Enter');
  await page.waitForTimeout(ms);
  await page.keyboard.up('Enter');
}
