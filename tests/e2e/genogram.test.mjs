// The genogram: relatives added and relationships made by keyboard, drawn
// over three generations with the usual symbols, impossible data named and
// the rest still drawn, the text beside it, the print on one A4 landscape
// page, and everything still there after a reload; then the ecomap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, watchedPage, expectAccessible, expectNoProblems, screenshot, importFile, tabTo, waitSaved,
  printToPdf, assertNoChrome, SAMPLE_FAMILY, sampleFamily, SHOTS,
} from './support.mjs';

const family = sampleFamily().cases[0];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Tabs to the select labelled `label` (unless focus is on it already, as
 * after adding a relationship) and moves it by the arrow keys until `text`
 * is chosen. */
async function chooseByKeyboard(page, label, text) {
  const here = await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent ?? '');
  if (here !== label) await tabTo(page, new RegExp(`\\s${label}$`));
  await page.keyboard.press('Home');
  for (let i = 0; i < 20; i++) {
    const chosen = await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.textContent ?? '');
    if (chosen === text) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the select never showed ${text}`);
}

/** Relates two people by keyboard alone. */
async function relate(page, who, kind, whom) {
  await chooseByKeyboard(page, 'Who', who);
  await chooseByKeyboard(page, 'Relationship', kind);
  await chooseByKeyboard(page, 'Whom', whom);
  await tabTo(page, /^Add the relationship$/);
  await page.keyboard.press('Enter');
  await page.locator('.relationship-list li', { hasText: `${who} ${kind} ${whom}` }).waitFor();
}

/** Opens a person's details and sets them. */
async function describe(page, name, { symbol, born, deceased, household }) {
  const person = page.locator('.genogram-person', { has: page.locator(`summary:text-is("${name}")`) });
  await person.locator('summary').click();
  if (symbol) await person.getByLabel('Drawn as').selectOption({ label: symbol });
  if (born) await person.getByLabel('Year of birth').fill(born);
  if (deceased) await person.getByLabel('Has died').check();
  if (household) await person.getByLabel("Lives in the children's household").check();
}

test('a genogram of three generations is made by keyboard, checked, printed and kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await page.goto(`${server.url}#/cases/${family.id}/genogram`);
  await page.locator('main h1', { hasText: 'Genogram' }).waitFor();

  for (const name of ['Jan', 'Ewa']) {
    await tabTo(page, /^Their name$/);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await page.locator(`.genogram-person summary:text-is("${name}")`).waitFor();
  }
  await relate(page, 'Zofia Nowak', 'is married to', 'Jan');
  for (const parent of ['Zofia Nowak', 'Jan']) await relate(page, parent, 'is the birth parent of', 'Anna Kowalska');
  await relate(page, 'Zofia Nowak', 'is the birth parent of', 'Ewa');
  await relate(page, 'Anna Kowalska', 'is married to', 'Marek Kowalski');
  for (const child of ['Ola', 'Kuba']) {
    for (const parent of ['Anna Kowalska', 'Marek Kowalski']) await relate(page, parent, 'is the birth parent of', child);
  }
  // The same tie twice is refused, and says why.
  await page.selectOption('#relate-from', { label: 'Marek Kowalski' });
  await page.selectOption('#relate-kind', { label: 'is married to' });
  await page.selectOption('#relate-to', { label: 'Anna Kowalska' });
  await page.click('button:text-is("Add the relationship")');
  await page.locator('.relate .error-message', { hasText: 'They already have that relationship.' }).waitFor();

  await describe(page, 'Zofia Nowak', { symbol: 'Female (circle)', born: '1952' });
  await describe(page, 'Jan', { symbol: 'Male (square)', born: '1950', deceased: true });
  await describe(page, 'Anna Kowalska', { symbol: 'Female (circle)', born: '1988', household: true });
  await describe(page, 'Ola', { symbol: 'Female (circle)', household: true });
  await describe(page, 'Kuba', { symbol: 'Male (square)', household: true });
  await waitSaved(page);

  // Drawn: seven people over three generations, Jan crossed through, the
  // household outlined, the case's two children marked.
  await page.locator('#genogram-caption', { hasText: '7 people over 3 generations' }).waitFor();
  assert.equal(await page.locator('.genogram-drawing .geno-person').count(), 7);
  assert.equal(await page.locator('.genogram-drawing .geno-deceased').count(), 2);
  assert.equal(await page.locator('.genogram-drawing .geno-subject').count(), 2);
  assert.equal(await page.locator('.genogram-drawing .geno-household').count(), 1);
  const text = await page.locator('.genogram-text').textContent();
  assert.match(text, /Jan \(generation 1\): Male, born 1950, has died\./);
  // Ola's year of birth comes from the case (born 3 May 2019).
  assert.match(text, /Ola \(generation 3\): Female, born 2019, lives in the household, a child of this case\./);
  assert.match(text, /Anna Kowalska is the birth parent of Ola\./);

  // Impossible data: Ola as her own grandmother's parent. It is named, and
  // the rest is still drawn.
  await relate(page, 'Ola', 'is the birth parent of', 'Zofia Nowak');
  await page.locator('.warning-text', { hasText: 'Ola is recorded as a parent of Zofia Nowak' }).waitFor();
  assert.equal(await page.locator('.genogram-drawing .geno-person').count(), 7);
  await page.getByRole('button', { name: /Remove\W+Ola is the birth parent of Zofia Nowak/ }).click();
  await page.locator('.warning-text').waitFor({ state: 'detached' });
  await waitSaved(page);
  await expectAccessible(page, 'the genogram');
  await screenshot(page, 'genogram-1280');

  // Reload: everything is kept.
  await page.reload();
  await page.locator('#genogram-caption', { hasText: '7 people over 3 generations' }).waitFor();
  assert.equal(await page.locator('.relationship-list li').count(), 9);

  // The print: one A4 landscape page with the drawing and who is who.
  await page.click('text=Print the genogram');
  await page.locator('main h1', { hasText: 'Genogram: ' }).waitFor();
  await expectAccessible(page, 'the genogram print');
  const pdf = await printToPdf(page, 'genogram');
  assert.equal(pdf.pages, 1, 'one page');
  assert.ok(Math.abs(pdf.size[0] - 842) < 2 && Math.abs(pdf.size[1] - 595) < 2, `A4 landscape: ${pdf.size}`);
  for (const words of ['Genogram: Kowalski family', 'Anna Kowalska is the birth parent of Ola.', 'Zofia Nowak is married to Jan.', 'b. 1950']) {
    assert.ok(pdf.text.includes(words), `the print lacks "${words}": ${pdf.text}`);
  }
  assertNoChrome(pdf.text);
  expectNoProblems(page);
  await context.close();
});

test('the genogram works by touch on a tablet', async () => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await page.goto(`${server.url}#/cases/${family.id}/genogram`);
  await page.locator('main h1', { hasText: 'Genogram' }).waitFor();
  await page.fill('#relative-name', 'Grandad Jan');
  await page.getByRole('button', { name: 'Add the relative' }).tap();
  await page.selectOption('#relate-from', { label: 'Anna Kowalska' });
  await page.selectOption('#relate-to', { label: 'Ola' });
  await page.getByRole('button', { name: 'Add the relationship' }).tap();
  await page.locator('.relationship-list li', { hasText: 'Anna Kowalska is the birth parent of Ola' }).waitFor();
  await waitSaved(page);
  await expectAccessible(page, 'the genogram on a tablet');
  await screenshot(page, 'genogram-768');
  expectNoProblems(page);
  await context.close();
});

test('the ecomap puts the household in the middle and says how each connection feels', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await importFile(page, server.url, SAMPLE_FAMILY);
  await page.goto(`${server.url}#/cases/${family.id}/genogram`);
  await page.locator('#ecomap-heading').waitFor();
  for (const name of ['Anna Kowalska', 'Ola', 'Kuba']) await describe(page, name, { household: true });
  // By keyboard: the school is a strong connection, Babcia a stressful one.
  await chooseByKeyboard(page, 'Connection with Park Road Primary', 'Strong');
  await chooseByKeyboard(page, 'Connection with Zofia Nowak', 'Stressful');
  await tabTo(page, /A word on it \(Zofia Nowak\)/);
  await page.keyboard.type('argues with Anna about the night shifts');
  await tabTo(page, /Add a service or person/);
  await page.keyboard.type('Food bank');
  await page.keyboard.press('Enter');
  await page.locator('.eco-link', { hasText: 'Food bank' }).waitFor();
  await page.selectOption('#' + await page.locator('.eco-link', { hasText: 'Food bank' }).locator('select').getAttribute('id'), { label: 'Weak' });
  await waitSaved(page);

  const text = await page.locator('.ecomap-text').textContent();
  assert.match(text, /The household: Ola, Kuba, Anna Kowalska\./);
  assert.match(text, /Park Road Primary \(Mr Hughes, Head teacher\): strong connection\./);
  assert.match(text, /Anytown Children's Services \(Priya Shah, Social worker\): connection not said yet\./);
  assert.match(text, /Zofia Nowak \(Babcia \(Nan\)\): stressful connection, argues with Anna about the night shifts\./);
  assert.match(text, /Food bank: weak connection\./);
  // Marek lives elsewhere, so he is round the household, not in it.
  assert.match(text, /Marek Kowalski \(Dad\)/);
  for (const [kind, count] of [['strong', 1], ['stressful', 1], ['weak', 1], ['not-said', 2]]) {
    assert.equal(await page.locator(`.ecomap-drawing path.eco-${kind}`).count(), count, kind);
  }
  await expectAccessible(page, 'the ecomap');
  await page.locator('.ecomap').screenshot({ path: `${SHOTS}/ecomap-1280.png` });

  await page.reload();
  await page.locator('.ecomap-text', { hasText: 'Food bank: weak connection.' }).waitFor();
  await page.click('text=Print the ecomap');
  await page.locator('main h1', { hasText: 'Ecomap: ' }).waitFor();
  await expectAccessible(page, 'the ecomap print');
  const pdf = await printToPdf(page, 'ecomap');
  assert.equal(pdf.pages, 1, 'one page');
  assert.ok(Math.abs(pdf.size[0] - 842) < 2 && Math.abs(pdf.size[1] - 595) < 2, `A4 landscape: ${pdf.size}`);
  for (const words of ['Ecomap: Kowalski family', 'Park Road Primary', 'strong connection', 'Food bank']) {
    assert.ok(pdf.text.includes(words), `the print lacks "${words}": ${pdf.text}`);
  }
  assertNoChrome(pdf.text);
  expectNoProblems(page);
  await context.close();
});
