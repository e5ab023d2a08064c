/**
 * A school's former name finds it (issue 9): the yearly-names fixture's lyceum was «МБОУ «СОШ
 * № 1»» in 2023 and is «МАОУ «Лицей № 1 имени А. С. Пушкина»» now; searching the old name in
 * Chromium lists the lyceum's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { site } from '../helpers/site-files.ts';
import { problemsAt, skipBrowser, startSession, type Session } from './browser.ts';

const POLL_MS = 20_000;

describe.skipIf(skipBrowser)('former names in search', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession(site('yearly'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the 2023 name finds the school under its new name', async () => {
    const page = await s.open('/search/');
    const input = page.locator('#search input');
    await input.waitFor();
    await input.fill('СОШ № 1');
    const result = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => result.count(), { timeout: POLL_MS }).toBeGreaterThan(0);
    const hrefs = await result.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain('/school/105201/');
    // The page it opens names the school as it is called now, and its former names.
    const school = await s.open('/school/105201/');
    expect((await school.locator('h1').textContent())?.replace(/\s+/g, ' ')).toContain('Лицей № 1 имени А. С. Пушкина');
    expect((await school.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain('Прежние названия: МАОУ «Лицей № 1» (2024); МБОУ «СОШ № 1» (2023)');
    expect(problemsAt(s, '/search/')).toEqual([]);
    await page.close();
    await school.close();
  });
});
