// A damaged library (issue 19): the library file overwritten with garbage, or cut in half, while
// the app was closed. The app still starts, says in Chinese what happened and where the damaged
// file was kept (the file is there, untouched), and the drafts come back from the latest backup
// after a confirmation — the drafter's own typing included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { session, withTempDir } from './harness.mjs';
import { openDraftFromLibrary, tid, typeLine, waitForEditorText, waitSaved } from './ui.mjs';

const MARK = '  （十一）备份核验：全年办理示例备份事项37件。';

/** A library with the sample draft and the drafter's typing, and a daily backup holding both. */
async function libraryWithBackup(name, dataDir) {
  await session(`${name}-type`, dataDir, async ({ driver }) => {
    await openDraftFromLibrary(driver, /2024/);
    await waitForEditorText(driver, /2024年度法治政府建设情况/, 20_000);
    await typeLine(driver, MARK);
    await waitSaved(driver);
  });
  // The next start makes the day's copy (the first start found an empty library: nothing to copy).
  await session(`${name}-backup`, dataDir, async ({ driver }) => {
    await driver.waitFor(tid('open-backups'), 20_000);
    const backups = await driver.waitUntil(async () => {
      const r = await driver.invoke('list_backups');
      return r.ok?.length > 0 ? r.ok : null;
    }, 'a daily backup made when the app opened the library');
    assert.equal(backups[0].kind, 'daily');
    assert.ok(backups[0].drafts >= 1, `the backup holds the draft: ${JSON.stringify(backups[0])}`);
  });
}

async function damagedLibraryRecovers(name, damage) {
  await withTempDir(async (dataDir) => {
    await libraryWithBackup(name, dataDir);
    const db = join(dataDir, 'library.sqlite3');
    // Fold the write-ahead log into the file first (the harness stops the app without a clean
    // exit), so the damage hits the whole library, as when a sync tool copies one file.
    try {
      execFileSync('sqlite3', [db, 'PRAGMA wal_checkpoint(TRUNCATE);'], { timeout: 10_000 });
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
      console.log('no sqlite3 command: the log is dropped unfolded (the backup still holds the drafts)');
    }
    for (const side of ['-wal', '-shm']) rmSync(db + side, { force: true });
    damage(db);
    const damagedBytes = readFileSync(db);

    await session(`${name}-recover`, dataDir, async ({ driver, screenshot }) => {
      const notice = await driver.waitFor(tid('damage-notice'), 30_000);
      const said = await driver.text(notice);
      assert.match(said, /报告库已损坏/, `the drafter is told in Chinese: ${said}`);
      assert.match(said, /已原样保留/, `where the damaged file went: ${said}`);
      const kept = (await driver.text(await driver.find(tid('damage-kept')))).trim();
      assert.ok(existsSync(kept), `the damaged file is kept at ${kept}`);
      assert.ok(readFileSync(kept).equals(damagedBytes), 'kept byte for byte, never deleted');
      assert.ok(statSync(db).size > 0, 'a new library is in place');
      await screenshot(`recovery-${name}`).catch(() => null);

      await driver.click(await driver.find(tid('restore-latest')));
      const confirm = await driver.waitFor(tid('restore-confirm'));
      assert.match(await driver.text(confirm), /先另存为一份备份/);
      await driver.click(await driver.find(tid('confirm-restore')));
      const done = await driver.waitFor(tid('restore-done'), 20_000);
      assert.match(await driver.text(done), /已从/);

      await openDraftFromLibrary(driver, /2024/);
      const text = await waitForEditorText(driver, new RegExp(MARK.trim()), 20_000);
      assert.ok(text.includes(MARK.trim()), 'the drafter’s typing came back from the backup');
    });
  });
}

test('a library overwritten with garbage: the app starts, explains, keeps it, restores the drafts', async () => {
  await damagedLibraryRecovers('garbage', (db) => {
    const size = statSync(db).size;
    const junk = Buffer.alloc(size);
    for (let i = 0; i < size; i++) junk[i] = (i * 7919 + 13) & 0xff;
    writeFileSync(db, junk);
  });
});

test('a library cut in half: the app starts, explains, keeps it, restores the drafts', async () => {
  await damagedLibraryRecovers('halved', (db) => truncateSync(db, Math.floor(statSync(db).size / 2)));
});
