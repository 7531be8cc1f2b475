// On a page load of an agent's screen, the API reads that screen needs first leave now, while
// the app's code is still on its way, instead of once it has been evaluated (about 200 ms later
// on a cold load). The app takes each answer instead of asking again, when it asks for the same
// URL with the same token in the first seconds (src/api/early-reads.ts); the rest are dropped.
// A classic script: it runs before any module of the app. Reads only, never the browser's cache,
// and nothing without a session. Keep the URLs as the app builds them: early-reads.test.ts
// checks them against the loaders.
(function () {
  var token;
  try {
    var session = JSON.parse(sessionStorage.getItem('ejento.session') || 'null');
    token = session && session.ejentoToken;
  } catch (e) {
    return;
  }
  if (typeof token !== 'string' || token === '' || typeof fetch !== 'function') return;
  var match = /^\/agents\/([1-9][0-9]{0,8})\/(edit|review|history)\/?$/.exec(location.pathname);
  if (!match) return;
  var agent = '/api/v2/agents/' + match[1];
  var urls = ['/api/v2/users/me', agent, agent + '/permissions/me'];
  if (match[2] === 'review') urls.push(agent + '/staging-diff');
  if (match[2] === 'history') {
    var params = new URLSearchParams(location.search);
    var list = new URLSearchParams({ page: '1', items_per_page: '50' });
    var by = (params.get('by') || '').trim();
    var q = (params.get('q') || '').trim();
    if (by) list.set('published_by', by);
    if (q) list.set('q', q);
    urls.push(agent + '/publishes?page=1&items_per_page=1', agent + '/publishes?' + list.toString());
  }
  var reads = {};
  urls.forEach(function (url) {
    reads[url] = fetch(url, {
      headers: { Accept: 'application/json', Authorization: 'Bearer ' + token },
      cache: 'no-store',
    }).catch(function () {
      return null;
    });
  });
  globalThis.__ejentoEarlyReads = { token: token, reads: reads };
})();
