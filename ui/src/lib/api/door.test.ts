// style.md §7: only ui/src/lib/api/ may import @tauri-apps/*, so every other module can be
// tested with mocked IPC and the backend surface stays in one place.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['/src/**/*.ts', '/src/**/*.svelte', '!/src/lib/api/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the backend door', () => {
  it('is the only place that imports @tauri-apps', () => {
    expect(Object.keys(sources).length, 'the scan must see the app sources').toBeGreaterThan(5);
    const offenders = Object.entries(sources)
      .filter(([, text]) => /from\s+['"]@tauri-apps\//.test(text))
      .map(([file]) => file);
    expect(offenders, 'import from lib/api instead').toEqual([]);
  });
});
