// On a page load, what the first screen needs leaves now, while the app's first bundle is still on
// its way, instead of once that bundle has been evaluated and the router has matched the address
// (about 200 ms later on a cold load, and the screen's code a round trip after that):
// - the screen's code: its chunks and their CSS, as the build lists them in this tag's
//   data-screen-code (vite.config.ts, screenCode). The router's own import then finds them loaded.
// - on an agent's Edit, Review or History screen, the API reads that screen needs first. The app
//   takes each answer instead of asking again, when it asks for the same URL with the same token
//   in the first seconds (src/api/early-reads.ts); the rest are dropped. Reads only, never the
//   browser's cache, and nothing without a session. Keep the URLs and headers as the app sends
//   them: src/api/early-reads.test.ts checks them against the app's own requests.
// A classic script: it runs before any module of the app.
(function () {
  var script = document.currentScript;
  // The API's base, as the app's build has it (index.html's data-api-base; empty: this origin).
  var base = (script && script.getAttribute('data-api-base')) || '';
  if (base.charAt(0) === '%') base = '';
  var token = null;
  try {
    var session = JSON.parse(sessionStorage.getItem('ejento.session') || 'null');
    if (session && typeof session.ejentoToken === 'string' && session.ejentoToken !== '') {
      token = session.ejentoToken;
    }
  } catch (e) {
    // No session to read: the app sends the person to sign in.
  }
  var tab = /^\/agents\/([1-9][0-9]{0,8})\/(edit|review|history)\/?$/.exec(location.pathname);
  if (token && tab && typeof fetch === 'function') readEarly(token, tab[1], tab[2]);

  // The screen's code last, so the API reads are first in the browser's queue.
  var screen = 'sign-in';
  if (token && tab) screen = 'agent-' + tab[2];
  else if (token && /^\/agents\/?$/.test(location.pathname)) screen = 'agent-list';
  else if (token) screen = null;
  var code = {};
  try {
    code = JSON.parse((script && script.getAttribute('data-screen-code')) || '{}');
  } catch (e) {
    code = {};
  }
  var files = (screen && code[screen]) || [];
  for (var i = 0; i < files.length; i++) {
    var link = document.createElement('link');
    if (/\.css$/.test(files[i])) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    // As the app's own module scripts and stylesheets ask for them, so the answers are reused.
    link.crossOrigin = '';
    link.href = files[i];
    document.head.appendChild(link);
  }

  function readEarly(token, agentId, tabName) {
    var agent = '/api/v2/agents/' + agentId;
    var paths = ['/api/v2/users/me', agent, agent + '/permissions/me'];
    if (tabName === 'review') paths.push(agent + '/staging-diff');
    if (tabName === 'history') {
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
  }
})();
