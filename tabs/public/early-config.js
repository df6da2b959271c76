// Asks for the settings as soon as the page starts, while the entry bundle downloads and
// evaluates, instead of after it (bench/README.md, finding 7); loadRuntimeConfig
// (tabs/src/config/runtimeConfig.ts) takes this response. A file, not an inline script: the tab's
// Content-Security-Policy allows scripts from 'self' only.
window.careerBoardEarlyConfig = fetch('/config.json', { cache: 'no-store' });
// Unread if the entry bundle asks itself (it ran first); never an unhandled rejection.
window.careerBoardEarlyConfig.catch(function () {});
