// A small W3C WebDriver client over Node's built-in fetch: just what the end-to-end tests need.
// No npm dependencies, so `node --test tests/e2e/` runs from a fresh clone.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class WebDriver {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.sessionId = null;
  }

  async request(method, path, body, timeoutMs = 60_000) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || json?.value?.error) {
      const v = json?.value ?? {};
      const err = new Error(`WebDriver ${method} ${path}: ${v.error ?? res.status} ${v.message ?? ''}`);
      err.webdriverError = v.error ?? String(res.status);
      throw err;
    }
    return json.value;
  }

  session(path) {
    if (!this.sessionId) throw new Error('no WebDriver session');
    return `/session/${this.sessionId}${path}`;
  }

  async start(application, args = []) {
    const value = await this.request('POST', '/session', {
      capabilities: {
        alwaysMatch: { browserName: 'wry', 'tauri:options': { application, args } },
      },
    });
    this.sessionId = value.sessionId;
    return value;
  }

  /** End the session; a short timeout, since the app may already be gone. */
  async stop() {
    if (!this.sessionId) return;
    try {
      await this.request('DELETE', this.session(''), undefined, 10_000);
    } finally {
      this.sessionId = null;
    }
  }

  /** Forget the session without asking the driver (the app was killed or closed itself). */
  forget() {
    this.sessionId = null;
  }

  title() {
    return this.request('GET', this.session('/title'));
  }

  async find(css) {
    const value = await this.request('POST', this.session('/element'), {
      using: 'css selector',
      value: css,
    });
    return Object.values(value)[0];
  }

  async findAll(css) {
    const value = await this.request('POST', this.session('/elements'), {
      using: 'css selector',
      value: css,
    });
    return value.map((v) => Object.values(v)[0]);
  }

  /** Poll `probe` until it returns a truthy value; throw `what` (with the last error) on timeout. */
  async waitUntil(probe, what, { timeoutMs = 15_000, intervalMs = 100 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
      }
      await sleep(intervalMs);
    }
  }

  /** The first element matching `css`, once there is one. */
  waitFor(css, timeoutMs = 15_000) {
    return this.waitUntil(() => this.find(css), `an element ${css}`, { timeoutMs, intervalMs: 150 });
  }

  /** At least `min` elements matching `css`. */
  waitForAll(css, min = 1, timeoutMs = 15_000) {
    return this.waitUntil(
      async () => {
        const all = await this.findAll(css);
        return all.length >= min ? all : null;
      },
      `${min}+ elements ${css}`,
      { timeoutMs, intervalMs: 150 },
    );
  }

  text(element) {
    return this.request('GET', this.session(`/element/${element}/text`));
  }

  attribute(element, name) {
    return this.request('GET', this.session(`/element/${element}/attribute/${encodeURIComponent(name)}`));
  }

  property(element, name) {
    return this.request('GET', this.session(`/element/${element}/property/${encodeURIComponent(name)}`));
  }

  click(element) {
    return this.request('POST', this.session(`/element/${element}/click`), {});
  }

  clear(element) {
    return this.request('POST', this.session(`/element/${element}/clear`), {});
  }

  /** Type into an element (WebDriver "Element Send Keys"). */
  sendKeys(element, text) {
    return this.request('POST', this.session(`/element/${element}/value`), { text });
  }

  execute(script, args = []) {
    return this.request('POST', this.session('/execute/sync'), { script, args });
  }

  executeAsync(script, args = []) {
    return this.request('POST', this.session('/execute/async'), { script, args });
  }

  /** Call a Tauri command the way the UI does; resolves to {ok} or {error}. */
  invoke(cmd, args = {}) {
    return this.executeAsync(
      'const [cmd, args, done] = arguments;' +
        'window.__TAURI_INTERNALS__.invoke(cmd, args).then((ok) => done({ ok }), (error) => done({ error }));',
      [cmd, args],
    );
  }

  /** PNG bytes of the window. */
  async screenshot() {
    return Buffer.from(await this.request('GET', this.session('/screenshot')), 'base64');
  }
}
