// Run by offline.test.mjs inside a fresh network namespace (`unshare -n`, loopback only, so that
// tauri-driver and WebKitWebDriver can talk to each other): starts the app on a new data folder
// and prints one JSON line with what the library pane shows. Not a test file by itself.
import { launch } from './harness.mjs';
import { texts, tid, waitForLibrary } from './ui.mjs';

const app = await launch();
let out;
try {
  await waitForLibrary(app.driver, 60_000);
  await app.driver.waitForAll(tid('draft-item'), 1, 20_000);
  out = {
    interactiveMs: app.appAgeMs(),
    reports: await texts(app.driver, tid('report-item')),
    drafts: await texts(app.driver, tid('draft-item')),
    errors: await texts(app.driver, tid('error-banner')),
  };
  await app.screenshot('offline');
} catch (e) {
  out = { error: String(e.stack ?? e) };
} finally {
  await app.close();
}
console.log(`OFFLINE-RESULT ${JSON.stringify(out)}`);
