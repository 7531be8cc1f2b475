import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './safe-next-path';

describe('safeNextPath', () => {
  it('follows a relative path on this origin, keeping its search and hash', () => {
    expect(safeNextPath('/agents/12/review?mode=split#prompt')).toBe('/agents/12/review?mode=split#prompt');
  });

  it('falls back to the agent list when there is no next', () => {
    expect(safeNextPath(null)).toBe('/agents');
    expect(safeNextPath('')).toBe('/agents');
  });

  it.each([
    ['https://evil.example/agents'],
    ['//evil.example/agents'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['agents/12'],
    ['/\t/evil.example'],
    ['/%0a/evil'],
  ])('refuses %s, which could leave the console', (raw) => {
    const result = safeNextPath(raw);
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    expect(new URL(result, 'http://console.invalid').origin).toBe('http://console.invalid');
  });

  it('refuses absolute and protocol-relative URLs outright', () => {
    expect(safeNextPath('https://evil.example/agents')).toBe('/agents');
    expect(safeNextPath('//evil.example/agents')).toBe('/agents');
    expect(safeNextPath('/\\evil.example')).toBe('/agents');
    expect(safeNextPath('/\t/evil.example')).toBe('/agents');
  });

  it('never sends the user back to the sign-in page', () => {
    expect(safeNextPath('/sign-in?next=/agents/3')).toBe('/agents');
  });

  it('uses the fallback it is given', () => {
    expect(safeNextPath('https://evil.example', '/')).toBe('/');
  });
});

describe('signInPathFor', () => {
  it('carries the current page as next', () => {
    expect(signInPathFor('/agents/7/edit?section=tools')).toBe(
      '/sign-in?next=%2Fagents%2F7%2Fedit%3Fsection%3Dtools',
    );
  });

  it('leaves next out when the page is the default landing page', () => {
    expect(signInPathFor('/agents')).toBe('/sign-in');
    expect(signInPathFor('/')).toBe('/sign-in');
  });

  it('leaves next out when already on the sign-in page', () => {
    expect(signInPathFor('/sign-in?next=/agents/3')).toBe('/sign-in');
  });
});
