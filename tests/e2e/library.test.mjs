// First start of a new data folder: the window shows the bundled sample library — 示例市's 2023
// report and its 2024 draft — with nothing else to do. Also measured here and printed: start to
// interactive (the app process's start → the library pane lists the reports) and the resident
// memory of the app with its WebKit processes. Then a library search narrowed to one part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';
import { texts, tid } from './ui.mjs';

test('first start shows the sample library: 示例市 2023 report and 2024 draft', async () => {
  await withApp('library', async ({ driver, dataDir, screenshot, appAgeMs, memory, spawnedAt }) => {
    // Start to interactive: poll as fast as the driver answers from the moment the session exists.
    let looks = 0;
    const items = await driver.waitUntil(
      async () => {
        looks += 1;
        const found = await driver.findAll(tid('report-item'));
        return found.length > 0 ? found : null;
      },
      'the library pane to list a report',
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    const interactiveMs = appAgeMs();
    const seenAt = Date.now();
    const fromDriverMs = seenAt - spawnedAt;
    assert.ok(items.length >= 1);
    // Where the time went: the page's navigation start and first paint, from the page's clock.
    const page = await driver.execute(`return {
      origin: performance.timeOrigin,
      paint: performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)]),
    };`);
    const processStart = seenAt - interactiveMs;

    assert.equal(await driver.title(), '年报助手', 'the window is titled with the product name');
    const reports = await texts(driver, tid('report-item'));
    const drafts = await texts(driver, tid('draft-item'));
    assert.ok(
      reports.some((r) => /示例市/.test(r) && /2023/.test(r)),
      `the sample 2023 report of 示例市 is listed: ${JSON.stringify(reports)}`,
    );
    assert.ok(
      drafts.some((d) => /2024/.test(d)),
      `the sample 2024 draft is listed: ${JSON.stringify(drafts)}`,
    );
    const library = await driver.text(await driver.find(tid('library-pane')));
    assert.match(library, /示例市/, 'the library groups by government');
    assert.ok(await driver.find(tid('editor-pane')));
    assert.ok(await driver.find(tid('checks-pane')));

    const info = await driver.invoke('app_info');
    assert.ok(info.ok, `app_info answers: ${JSON.stringify(info)}`);
    assert.equal(
      info.ok.dataDir ?? info.ok.data_dir,
      dataDir,
      'NIANBAO_DATA_DIR keeps e2e runs out of the real data folder',
    );

    // Settle (the first check of the auto-opened draft), then memory and the screenshot.
    await driver.waitFor(tid('figure-table'), 30_000).catch(() => {});
    const mem = memory();
    const mb = (kb) => (kb / 1024).toFixed(0);
    console.log(
      `start to interactive: ${interactiveMs} ms from the app process's start to the library listing the sample ` +
        `(${fromDriverMs} ms from spawning tauri-driver; ${looks === 1 ? 'already listed at the first look: an upper bound' : `seen at look ${looks}`})`,
    );
    const paint = page.paint.map(([name, ms]) => `${name} +${ms} ms`).join(', ') || 'no paint timing';
    console.log(`  of which: process start → page navigation ${Math.round(page.origin - processStart)} ms; then ${paint}`);
    console.log(
      `memory: RSS ${mb(mem.rssKb)} MB summed, PSS ${mb(mem.pssKb)} MB — ` +
        mem.rows.map((r) => `${r.comm} ${mb(r.rssKb)}/${mb(r.pssKb)}`).join(', '),
    );
    assert.ok(mem.rows.length >= 2, `the app and its WebKit processes were found: ${JSON.stringify(mem.rows)}`);
    await screenshot('library');

    // A search, then narrowed to one standard part: the 2023 report names 行政复议 in its disputes
    // part and in its plans for next year; 化解矛盾纠纷 keeps only the first.
    await driver.sendKeys(await driver.find(tid('search-input')), '行政复议');
    const all = await driver.waitForAll(tid('search-result'), 2);
    assert.ok(all.length >= 2, `行政复议 is found in two parts of the 2023 report: ${all.length}`);
    await driver.waitFor(tid('search-filters'));
    const option = await driver.find(`${tid('search-filters')} select[aria-label="只搜这一部分"] option[value="disputes"]`);
    await driver.click(option);
    const narrowed = await driver.waitUntil(async () => {
      const hits = await texts(driver, tid('search-result'));
      return hits.length > 0 && hits.length < all.length ? hits : null;
    }, 'the search narrowed to 化解矛盾纠纷');
    assert.ok(
      narrowed.every((h) => /矛盾纠纷/.test(h)),
      `every hit is in the disputes part: ${JSON.stringify(narrowed)}`,
    );
    await screenshot('search');
  });
});
