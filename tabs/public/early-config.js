// Asks for the settings as soon as the page starts, while the entry bundle downloads and
// evaluates, instead of after it (bench/README.md, finding 7); loadRuntimeConfig
// (tabs/src/config/runtimeConfig.ts) takes this response. A file, not an inline script: the tab's
// Content-Security-Policy allows scripts from 'self' only.
//
// The local tab server also writes the settings into the page itself (a <meta> tag, before this
// script; api/src/local/tabServer.ts): then there is no request at all, and the local sign-in
// below starts at once instead of after /config.json has answered and the main thread is free.
var inlineConfig = document.querySelector('meta[name="career-board-config"]');
window.careerBoardEarlyConfig =
  inlineConfig && inlineConfig.content
    ? Promise.resolve(
        new Response(inlineConfig.content, { headers: { 'Content-Type': 'application/json' } }),
      )
    : fetch('/config.json', { cache: 'no-store' });
// Unread if the entry bundle asks itself (it ran first); never an unhandled rejection.
window.careerBoardEarlyConfig.catch(function () {});

// On a route that shows the board (own or another's, in a chat, in a meeting), its code is asked
// for now, while the entry bundle downloads and runs, instead of by the entry once it has run.
// The build names the board's files in the page (tabs/build/firstScreenChunks.ts); the module
// loader later finds them fetched. Elsewhere nothing is preloaded.
(function () {
  var files = document.querySelector('meta[name="career-board-board-chunks"]');
  var route = window.location.hash.replace(/^#\/*/, '').split('/')[0];
  if (!files || !/^(|board|chat|meeting)$/.test(route)) return;
  files.content.split(' ').forEach(function (href) {
    if (!href) return;
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  });
})();

// Local mode, opened in a browser (not framed) by someone who already chose "Sign in as" in this
// tab: the token, /api/me and, on their own board, the board and its conversations are asked for
// here too, one after the other as each answer arrives, instead of after the entry bundle has run
// (issue 14). The app takes each response once, for the same request
// (tabs/src/api/earlyRequests.ts); anything that fails here is simply asked again there.
(function () {
  var signIn = null;
  try {
    signIn = JSON.parse(window.sessionStorage.getItem('careerBoard.signedInAs') || 'null');
  } catch {
    return;
  }
  if (!signIn || typeof signIn.userId !== 'string' || window.parent !== window) return;
  var hash = window.location.hash.replace(/^#\/*/, '').replace(/\/+$/, '');
  var ownBoard = hash === '' || hash === 'board';
  var requests = {};
  var settle = function (promise) {
    promise.catch(function () {});
    return promise;
  };
  // Read here and now when the page carries it: the token is then asked for in this very task,
  // not in one that waits for the main thread to finish running the entry bundle.
  var inlineSettings;
  try {
    inlineSettings = inlineConfig && inlineConfig.content ? JSON.parse(inlineConfig.content) : null;
  } catch {
    inlineSettings = null;
  }
  var config = (
    inlineSettings
      ? Promise.resolve(inlineSettings)
      : window.careerBoardEarlyConfig.then(function (response) {
          return response.clone().json();
        })
  ).then(function (settings) {
    if (!settings || settings.mode !== 'local' || typeof settings.devServicesUrl !== 'string')
      throw new Error('not local');
    return settings;
  });
  var tokenUrl = config.then(function (settings) {
    return settings.devServicesUrl.replace(/\/+$/, '') + '/identity/token';
  });
  var token = tokenUrl.then(function (url) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: signIn.userId }),
    });
  });
  var bearer = token
    .then(function (response) {
      if (!response.ok) throw new Error('no token');
      return response.clone().json();
    })
    .then(function (body) {
      return 'Bearer ' + body.access_token;
    });
  var read = function (path) {
    var url = config.then(function (settings) {
      return settings.apiBaseUrl.replace(/\/+$/, '') + path;
    });
    return {
      url: url,
      response: Promise.all([url, bearer]).then(function (both) {
        return fetch(both[0], { headers: { Authorization: both[1], Accept: 'application/json' } });
      }),
    };
  };
  var reads = [read('/me')];
  if (ownBoard) {
    var board = '/boards/' + encodeURIComponent(signIn.userId);
    reads.push(read(board), read(board + '/conversations'));
  }
  // Each read's body too, as soon as it is in: an app that starts after the answers arrived opens
  // with them in its first render, instead of asking for them and rendering a skeleton meanwhile
  // (tabs/src/app/firstScreen.ts). Taken once, like the requests.
  var answers = {};
  var answered = Promise.all(
    reads.map(function (r) {
      return r.response
        .then(function (response) {
          // Copied at once, before the app can read the original's body.
          var copy = response.clone();
          return Promise.all([r.url, copy.text()]).then(function (both) {
            answers['GET ' + both[0]] = {
              status: response.status,
              etag: response.headers.get('ETag'),
              text: both[1],
            };
          });
        })
        .catch(function () {});
    }),
  );
  window.careerBoardEarlyLocal = {
    userId: signIn.userId,
    answers: answers,
    answered: answered,
    requests: settle(
      Promise.all(
        [tokenUrl].concat(
          reads.map(function (r) {
            return r.url;
          }),
        ),
      ).then(function (urls) {
        requests['POST ' + urls[0]] = settle(token);
        reads.forEach(function (r, i) {
          requests['GET ' + urls[i + 1]] = settle(r.response);
        });
        return requests;
      }),
    ),
  };
})();
