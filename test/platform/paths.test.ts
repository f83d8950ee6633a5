import { describe, expect, it } from 'vitest';
import { cacheDirectory, stateDirectory } from '../../src/platform/paths.js';

describe('XDG paths', () => {
  it('keeps caches under $XDG_CACHE_HOME/newsdesk, or ~/.cache/newsdesk', () => {
    expect(cacheDirectory({ XDG_CACHE_HOME: '/tmp/xdg' })).toBe('/tmp/xdg/newsdesk');
    expect(cacheDirectory({ XDG_CACHE_HOME: 'relative' }, '/home/someone')).toBe('/home/someone/.cache/newsdesk');
    expect(cacheDirectory({}, '/home/someone')).toBe('/home/someone/.cache/newsdesk');
  });

  it('keeps state under $XDG_STATE_HOME/newsdesk, or ~/.local/state/newsdesk', () => {
    expect(stateDirectory({ XDG_STATE_HOME: '/tmp/state' })).toBe('/tmp/state/newsdesk');
    expect(stateDirectory({ XDG_STATE_HOME: '' }, '/home/someone')).toBe('/home/someone/.local/state/newsdesk');
  });
});
