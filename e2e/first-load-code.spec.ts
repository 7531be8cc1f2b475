import { test, expect } from './fixtures';

/**
 * The code a screen runs as it first shows is marked for V8 to compile as it downloads, on a
 * background thread (vite.config.ts, compileHints); what loads later, on a click, is left to
 * compile when it first runs.
 */

const HINT = '//# allFunctionsCalledOnLoad\n';

test('the first screens’ code compiles as it loads; a menu’s code, loaded on a click, does not', async ({
  request,
}) => {
  const html = await (await request.get('/sign-in')).text();
  const fromHtml = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  // The entry and what it imports at once.
  expect(fromHtml.length).toBeGreaterThan(1);
  const text = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    return response.text();
  };
  const entry = await text(fromHtml[0]!);
  const chunk = (source: string, name: string) => {
    const path = new RegExp(`assets/${name}-[\\w-]+\\.js`).exec(source)?.[0];
    expect(path, `the ${name} chunk is referenced`).toBeTruthy();
    return `/${path!}`;
  };
  const screens = ['sign-in', 'first', 'frame', 'agent', 'agent-edit', 'agent-review', 'agent-history'].map(
    (name) => chunk(entry, name),
  );
  for (const path of [...fromHtml, ...screens]) {
    expect((await text(path)).startsWith(HINT), `${path} is marked`).toBe(true);
  }
  const frame = await text(chunk(entry, 'frame'));
  const menu = await text(chunk(frame, 'user-menu-loaded'));
  expect(menu.startsWith(HINT), 'the account menu’s code is not marked').toBe(false);
  // Compressed copies say the same as the files.
  const brotli = await request.get(fromHtml[0]!, { headers: { 'Accept-Encoding': 'br' } });
  expect(brotli.headers()['content-encoding']).toBe('br');
  expect((await brotli.text()).startsWith(HINT)).toBe(true);
});
