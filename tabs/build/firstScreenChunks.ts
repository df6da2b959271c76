import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

import { BOARD_CHUNKS_META } from '../src/config/pageMeta';

/**
 * The first visit's code in few files instead of ~45 (issue 14). Left to itself the bundler
 * splits every module shared by a different set of screens into a chunk of its own, so the entry
 * came as 19 files and the board screen as 21 more, most under 1 KB gzipped. Each is a request
 * (six at a time per origin over HTTP/1.1), and the board waited for the last of them.
 *
 * - `app`: everything the entry imports statically, which every visit downloads anyway (rolldown's
 *   `$initial` tag). Merging these adds no bytes to any visit.
 * - `board-screen`: what the board screen imports statically and other chunks import too (not the
 *   entry, which has them already): the shared pieces the board waits for before it can render,
 *   in one file beside the board's own. Other screens that share a few of them now download the
 *   whole group (about 20 KB gzipped), on routes the first visit is not measured on or after the
 *   board's first paint; the board's own first visit downloads exactly the code it did before.
 *
 * The import graphs are read off the build (`buildEnd`), so the group follows the code instead of
 * a list of files.
 *
 * The app shell also names the board's two files (a `<meta>` tag, BOARD_CHUNKS_META), so the page's
 * early script (tabs/public/early-config.js) can preload them on a board route while the entry
 * downloads and runs, instead of the entry asking for them once it has run.
 */

/** The board screen's module, as lazyScreens.tsx imports it. */
const BOARD_SCREEN = /[\\/]src[\\/]app[\\/]BoardPage\.tsx$/;

export function firstScreenChunks(): {
  plugin: Plugin;
  groups: { name: string; tags?: ['$initial']; test?: (id: string) => boolean; priority: number }[];
} {
  let shared = new Set<string>();
  let base = '/';
  const plugin: Plugin = {
    name: 'career-board:first-screen-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml(_html, { bundle }) {
      const chunks = Object.values(bundle ?? {}).filter(
        (output): output is OutputChunk => output.type === 'chunk',
      );
      const entry = chunks.find((chunk) => chunk.isEntry);
      const screen = chunks.find(
        (chunk) => chunk.facadeModuleId && BOARD_SCREEN.test(chunk.facadeModuleId),
      );
      if (!entry || !screen) return [];
      const loaded = new Set([entry.fileName, ...entry.imports]);
      const files = [screen.fileName, ...screen.imports].filter((file) => !loaded.has(file));
      const content = files.map((file) => `${base}${file}`).join(' ');
      return [
        { tag: 'meta', attrs: { name: BOARD_CHUNKS_META, content }, injectTo: 'head-prepend' },
      ];
    },
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const graphOf = (start: string) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
        };
        visit(start);
        return seen;
      };
      const screen = ids.find((id) => BOARD_SCREEN.test(id));
      if (!screen) return;
      const board = graphOf(screen);
      // What other chunks' roots (the entry, every dynamic import) also import statically.
      const elsewhere = new Set<string>();
      for (const id of ids) {
        const info = this.getModuleInfo(id);
        if (id === screen || !info || (!info.isEntry && info.dynamicImporters.length === 0))
          continue;
        for (const reached of graphOf(id)) elsewhere.add(reached);
      }
      shared = new Set([...board].filter((id) => elsewhere.has(id)));
    },
  };
  return {
    plugin,
    groups: [
      // Higher priority first: a module the entry needs stays in the entry's file.
      { name: 'app', tags: ['$initial'], priority: 2 },
      { name: 'board-screen', test: (id) => shared.has(id), priority: 1 },
    ],
  };
}
