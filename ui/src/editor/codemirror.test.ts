import { afterEach, describe, expect, it } from 'vitest';
import { pageStyleNonce } from './codemirror';

describe('pageStyleNonce', () => {
  afterEach(() => document.getElementById('csp-nonce-carrier')?.remove());

  it('reads the nonce Tauri stamped on the carrier style tag', () => {
    const carrier = document.createElement('style');
    carrier.id = 'csp-nonce-carrier';
    carrier.setAttribute('nonce', '8f3a');
    document.head.appendChild(carrier);
    expect(pageStyleNonce(), 'without it the CSP blocks the editor styles').toBe('8f3a');
  });

  it('is empty outside Tauri', () => {
    expect(pageStyleNonce(), 'no nonce means no cspNonce facet').toBe('');
  });
});
