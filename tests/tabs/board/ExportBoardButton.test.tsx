import { act, fireEvent, screen, waitFor } from '@testing-library/react';

import type { BoardView } from '../../../api/src/contract/boardContract';
import { ApiProblem } from '../../../tabs/src/api/apiProblem';
import { BoardScreen } from '../../../tabs/src/app/BoardPage';
import { ExportBoardButton } from '../../../tabs/src/board/ExportBoardButton';
import { aBoard, aMe, EMPLOYEE, MANAGER } from '../fixtures';
import { fakeApi, renderWithSession } from '../renderWithSession';

/** The employee keeps a copy of their journal: a menu on their own board that saves a file. */

function press(element: HTMLElement) {
  act(() => element.focus());
  fireEvent.click(element);
}

interface Saved {
  name: string;
  type: string;
  text: Promise<string>;
}

/** jsdom's Blob has no text(); FileReader reads it as a browser would. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** Catches what the browser would save: the object URL's Blob and the link's file name. */
function captureDownloads(): Saved[] {
  const saved: Saved[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)!;
    saved.push({ name: this.download, type: blob.type, text: readText(blob) });
  });
  return saved;
}

afterEach(() => jest.restoreAllMocks());

test('downloads the Markdown export as a dated .md file, asked of the API in that format', async () => {
  const saved = captureDownloads();
  const exportMyData = jest.fn(async () => '# Career Board export: Nia');
  renderWithSession(<ExportBoardButton />, { api: fakeApi({ exportMyData }) });
  press(screen.getByRole('button', { name: 'Download as a document (Markdown)' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(exportMyData).toHaveBeenCalledWith('md');
  expect(saved[0].name).toMatch(/^career-board-\d{4}-\d{2}-\d{2}\.md$/);
  expect(saved[0].type).toContain('text/markdown');
  expect(await saved[0].text).toBe('# Career Board export: Nia');
});

test('downloads the JSON export as a .json file that parses', async () => {
  const saved = captureDownloads();
  const exportMyData = jest.fn(async () => JSON.stringify({ format: 'career-board-export' }));
  renderWithSession(<ExportBoardButton />, { api: fakeApi({ exportMyData }) });
  press(screen.getByRole('button', { name: 'Download as data (JSON)' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(exportMyData).toHaveBeenCalledWith('json');
  expect(saved[0].name).toMatch(/^career-board-\d{4}-\d{2}-\d{2}\.json$/);
  expect(saved[0].type).toContain('application/json');
  expect(JSON.parse(await saved[0].text)).toEqual({ format: 'career-board-export' });
});

test('a failed export says so and saves nothing', async () => {
  const saved = captureDownloads();
  const exportMyData = jest.fn(async () => {
    throw new ApiProblem(503, 'Unavailable', 'Try again later.');
  });
  renderWithSession(<ExportBoardButton />, { api: fakeApi({ exportMyData }) });
  press(screen.getByRole('button', { name: 'Download as data (JSON)' }));
  expect(await screen.findByText(/Couldn’t download your journal/)).toBeTruthy();
  expect(saved).toEqual([]);
});

describe('where it is offered', () => {
  const api = (board: BoardView) =>
    fakeApi({
      board: async () => board,
      privateNotes: async () => ({ text: '', updatedAt: null, etag: null }),
      conversations: async () => [],
      history: async () => [],
    });

  test('on my own board', async () => {
    renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, { api: api(aBoard()) });
    // In the side column, which follows the cards (its code loads after them; setup.ts waits 5 s).
    expect(await screen.findByRole('button', { name: 'Download as data (JSON)' })).toBeTruthy();
  });

  test('not on a report’s board that a manager is looking at', async () => {
    const board = aBoard({ viewer: { id: MANAGER.id, role: 'manager' } });
    renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, {
      api: api(board),
      me: aMe({ ...MANAGER, manager: null, directReports: [EMPLOYEE] }),
    });
    await screen.findByText(/You’re viewing this as/);
    expect(screen.queryByRole('button', { name: 'Download as data (JSON)' })).toBeNull();
  });
});
