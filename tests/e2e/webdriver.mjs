// A small W3C WebDriver client over Node's built-in fetch: just what the smoke tests need.
// No npm dependencies, so `node --test tests/e2e/` runs from a fresh clone.

export class WebDriver {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.sessionId = null;
  }

  async request(method, path, body) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || json?.value?.error) {
      const v = json?.value ?? {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error ?? res.status} ${v.message ?? ''}`);
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

  async stop() {
    if (!this.sessionId) return;
    try {
      await this.request('DELETE', this.session(''));
    } finally {
      this.sessionId = null;
    }
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

  async waitFor(css, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.find(css);
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  async findAll(css) {
    const value = await this.request('POST', this.session('/elements'), {
      using: 'css selector',
      value: css,
    });
    return value.map((v) => Object.values(v)[0]);
  }

  text(element) {
    return this.request('GET', this.session(`/element/${element}/text`));
  }

  click(element) {
    return this.request('POST', this.session(`/element/${element}/click`), {});
  }

  execute(script, args = []) {
    return this.request('POST', this.session('/execute/sync'), { script, args });
  }

  executeAsync(script, args = []) {
    return this.request('POST', this.session('/execute/async'), { script, args });
  }

  /** PNG bytes of the window. */
  async screenshot() {
    return Buffer.from(await this.request('GET', this.session('/screenshot')), 'base64');
  }
}
