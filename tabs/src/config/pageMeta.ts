/**
 * The `<meta>` tags the app shell carries for the page's early script (public/early-config.js),
 * which, as a public file, cannot import these names; a test holds its literals to them.
 */

/** The runtime settings, written in by the local tab server (api/src/local/tabServer.ts). */
export const INLINE_CONFIG_META = 'career-board-config';

/** The board screen's files, space-separated, written in by the build (build/firstScreenChunks.ts). */
export const BOARD_CHUNKS_META = 'career-board-board-chunks';
