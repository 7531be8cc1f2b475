// On a page load of an agent's screen, the API reads that screen needs first leave now, while
// the app's code is still on its way, instead of once it has been evaluated (about 200 ms later
// on a cold load). The app takes each answer instead of asking again, when it asks for the same
// URL with the same token in the first seconds (src/api/early-reads.ts); the rest are dropped.
// A classic script: it runs before any module of the app. Reads only, never the browser's cache,
// and nothing without a session. Keep the URLs and headers as the app sends them:
// src/api/early-reads.test.ts checks them against the app's own requests.
(function () {
  var script = document.currentScript;
  // The API's base, as the app's build has it (index.html's data-api-base; empty: this origin).
  var base = (script && script.getAttribute('data-api-base')) || '';
  if (base.charAt(0) === '%') base = '';
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
  var paths = ['/api/v2/users/me', agent, agent + '/permissions/me'];
  if (match[2] === 'review') paths.push(agent + '/staging-diff');
  if (match[2] === 'history') {
    var params = new URLSearchParams(location.search);
    var list = new URLSearchParams({ page: '1', items_per_page: '50' });
    var by = (params.get('by') || '').trim();
    var q = (params.get('q') || '').trim();
    if (by) list.set('published_by', by);
    if (q) list.set('q', q);
    paths.push(agent + '/publishes?page=1&items_per_page=1', agent + '/publishes?' + list.toString());
  }
  var reads = {};
  paths.forEach(function (path) {
    // Its own controller: the app that takes the answer aborts it with its own timeout or cancel.
    var controller = new AbortController();
    reads[base + path] = {
      abort: function (reason) {
        controller.abort(reason);
      },
      response: fetch(base + path, {
        method: 'GET',
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + token },
        signal: controller.signal,
        cache: 'no-store',
      }).catch(function () {
        return null;
      }),
    };
  });
  globalThis.__ejentoEarlyReads = { token: token, startedAt: performance.now(), reads: reads };
})();
