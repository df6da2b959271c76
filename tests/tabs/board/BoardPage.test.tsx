import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import type { AspirationView, BoardView } from '../../../api/src/contract/boardContract';
import { ApiProblem } from '../../../tabs/src/api/apiProblem';
// The board as the app shows it: with its conversations (app/BoardPage.tsx).
import { BoardScreen } from '../../../tabs/src/app/BoardPage';
import { aBoard, aMe, anAspiration, EMPLOYEE, MANAGER } from '../fixtures';
import { fakeApi, renderWithSession } from '../renderWithSession';

/** Like a person clicking: focus moves to the control first (fireEvent.click alone leaves it behind). */
function press(element: HTMLElement) {
  act(() => element.focus());
  fireEvent.click(element);
}

const noNotes = {
  privateNotes: async () => ({ text: '', updatedAt: null, etag: null }),
  conversations: async () => [],
};

function renderBoard(
  board: BoardView,
  overrides: Parameters<typeof fakeApi>[0] = {},
  asManager = false,
) {
  const api = fakeApi({ board: async () => board, ...noNotes, ...overrides });
  const me = asManager ? aMe({ ...MANAGER, manager: null, directReports: [EMPLOYEE] }) : aMe();
  renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, { api, me });
  return api;
}

describe('My board', () => {
  test('shows aspirations as cards under their horizon, with where they stand with the manager', async () => {
    renderBoard(
      aBoard({
        aspirations: [
          anAspiration({ id: 'a', title: 'Staff engineer', horizon: 'next' }),
          anAspiration({ id: 'b', title: 'Lead a team', horizon: '3y' }),
        ],
      }),
    );
    const next = await screen.findByRole('region', { name: 'Next' });
    expect(within(next).getByRole('heading', { name: 'Staff engineer' })).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'In 3 years' })).getByText('Lead a team'),
    ).toBeTruthy();
    expect(screen.getAllByText('Not seen by your manager yet')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'My board' })).toBeTruthy();
    // The side column (private notes) follows the cards: its code loads once they are on screen.
    expect(await screen.findByText('Only you can see this')).toBeTruthy();
  });

  test('opens with a board its session already read: no skeleton first, and no second read', () => {
    const board = jest.fn(() => Promise.reject(new Error('read again')));
    const conversations = jest.fn(() => Promise.reject(new Error('read again')));
    const api = fakeApi({
      board,
      conversations,
      privateNotes: noNotes.privateNotes,
      answered: {
        board: (id) =>
          id === EMPLOYEE.id
            ? aBoard({ aspirations: [anAspiration({ id: 'a', title: 'Staff engineer' })] })
            : undefined,
        conversations: (id) => (id === EMPLOYEE.id ? [] : undefined),
      },
    });
    renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, { api, me: aMe() });
    // The first render: no waiting for anything.
    expect(screen.getByRole('heading', { name: 'Staff engineer' })).toBeTruthy();
    expect(screen.queryByText('Loading the board…')).toBeNull();
    expect(board).not.toHaveBeenCalled();
    expect(conversations).not.toHaveBeenCalled();
  });

  test('without an answer already in, it loads as usual', async () => {
    const api = fakeApi({
      board: async () =>
        aBoard({ aspirations: [anAspiration({ id: 'a', title: 'Staff engineer' })] }),
      ...noNotes,
      answered: { board: () => undefined, conversations: () => undefined },
    });
    renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, { api, me: aMe() });
    expect(screen.getByText('Loading the board…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Staff engineer' })).toBeTruthy();
  });

  test('an empty board teaches, with the three conversation starters', async () => {
    renderBoard(aBoard());
    expect(await screen.findByRole('heading', { name: 'Say what you want next' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Your 1- or 3-year plan/ })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /Your next opportunity, position or title/ }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Your next big project/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an aspiration' });
    expect((within(dialog).getByRole('radio', { name: 'Next' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (within(dialog).getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value,
    ).toBe('project');
  });

  test('adding without a title shows the rule inline and sends nothing', async () => {
    const createAspiration = jest.fn();
    renderBoard(aBoard(), { createAspiration });
    fireEvent.click(await screen.findByRole('button', { name: 'Add aspiration' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add aspiration' }));
    expect(await within(dialog).findByText('The title cannot be empty.')).toBeTruthy();
    expect(createAspiration).not.toHaveBeenCalled();
  });

  test('a step ticked while the API refuses is rolled back, and the person is told', async () => {
    const aspiration = anAspiration({
      steps: [
        {
          id: 's1',
          text: 'Shadow the on-call lead',
          status: 'open',
          dueDate: null,
          createdAt: '2026-01-01T00:00:00Z',
          completedAt: null,
        },
      ],
    });
    let fail: (e: unknown) => void = () => undefined;
    const updateStep = jest.fn(
      () => new Promise<AspirationView | null>((_, reject) => (fail = reject)),
    );
    renderBoard(aBoard({ aspirations: [aspiration] }), { updateStep });
    const box = (await screen.findByRole('checkbox', {
      name: 'Shadow the on-call lead',
    })) as HTMLInputElement;
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    await waitFor(() => expect(updateStep).toHaveBeenCalled());
    await act(async () => fail(new ApiProblem(503, 'Busy', 'Graph is not answering.')));
    await waitFor(() => expect(box.checked).toBe(false));
    expect(await screen.findByText(/Couldn’t update the step/)).toBeTruthy();
    expect(updateStep).toHaveBeenCalledWith(
      EMPLOYEE.id,
      expect.objectContaining({ etag: '"e1"' }),
      's1',
      { status: 'done' },
    );
  });

  test('on 412 the edit dialog keeps what was typed, loads the latest, and saves on top of it', async () => {
    const original = anAspiration({ title: 'Staff engineer' });
    const latest = anAspiration({ title: 'Staff engineer (platform)', etag: '"e2"' });
    let boardVersion = aBoard({ aspirations: [original] });
    const updateAspiration = jest
      .fn()
      .mockRejectedValueOnce(
        new ApiProblem(412, 'Changed elsewhere', 'This aspiration was changed by someone else.'),
      )
      .mockResolvedValueOnce(anAspiration({ title: 'Principal engineer', etag: '"e3"' }));
    const api = fakeApi({ board: async () => boardVersion, ...noNotes, updateAspiration });
    renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, { api });

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for “Staff engineer”' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit aspiration' });
    const title = within(dialog).getByRole('textbox', {
      name: /What do you want/,
    }) as HTMLInputElement;
    act(() => title.focus());
    fireEvent.change(title, { target: { value: 'Principal engineer' } });
    press(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Changed elsewhere')).toBeTruthy();
    expect(title.value).toBe('Principal engineer');

    boardVersion = aBoard({ aspirations: [latest] });
    press(within(dialog).getByRole('button', { name: 'Load latest version' }));
    expect(await within(dialog).findByText('Saved now: Staff engineer (platform)')).toBeTruthy();
    expect(title.value).toBe('Principal engineer');

    press(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(updateAspiration).toHaveBeenLastCalledWith(
      EMPLOYEE.id,
      expect.objectContaining({ etag: '"e2"' }),
      { title: 'Principal engineer' },
    );
  });

  test('moving a card up sends a position between its new neighbours', async () => {
    const updateAspiration = jest.fn(
      async (_e: string, a: { id: string }, patch: { position?: number }) =>
        anAspiration({ id: a.id, title: 'C', position: patch.position ?? 0, etag: '"x"' }),
    );
    renderBoard(
      aBoard({
        aspirations: [
          anAspiration({ id: 'a', title: 'A', position: 10 }),
          anAspiration({ id: 'b', title: 'B', position: 20 }),
          anAspiration({ id: 'c', title: 'C', position: 30 }),
        ],
      }),
      { updateAspiration },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for “C”' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Move up' }));
    await waitFor(() =>
      expect(updateAspiration).toHaveBeenCalledWith(
        EMPLOYEE.id,
        expect.objectContaining({ id: 'c' }),
        { position: 15 },
      ),
    );
    const titles = within(screen.getByRole('region', { name: 'Next' }))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(titles).toEqual(['A', 'C', 'B']);
  });

  test('the manager acknowledges with a note and has no edit controls', async () => {
    const acknowledge = jest.fn(async (..._args: unknown[]) => null);
    const aspiration = anAspiration({ title: 'Staff engineer' });
    let board = aBoard({ viewer: { id: MANAGER.id, role: 'manager' }, aspirations: [aspiration] });
    renderBoard(
      board,
      {
        acknowledge: async (...args) => {
          board = aBoard({
            viewer: { id: MANAGER.id, role: 'manager' },
            aspirations: [
              {
                ...aspiration,
                acknowledgement: {
                  by: MANAGER,
                  at: new Date().toISOString(),
                  note: 'I will find you a stretch project.',
                },
              },
            ],
          });
          return acknowledge(...args);
        },
        board: async () => board,
      },
      true,
    );

    expect(await screen.findByRole('heading', { name: 'Nia Adeyemi’s board' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Actions for/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add aspiration' })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge “Staff engineer”' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Support note/ }), {
      target: { value: 'I will find you a stretch project.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(acknowledge).toHaveBeenCalledWith(
      EMPLOYEE.id,
      expect.objectContaining({ id: aspiration.id }),
      'I will find you a stretch project.',
    );
    expect(await screen.findByText(/^Seen by you on/)).toBeTruthy();
    expect(screen.getByText('I will find you a stretch project.')).toBeTruthy();
  });

  test('the manager is offered to acknowledge only what is new or changed; seen and unchanged offers the note', async () => {
    const seen = { by: MANAGER, at: '2026-11-02T10:00:00.000Z', note: 'Happy to sponsor this.' };
    renderBoard(
      aBoard({
        viewer: { id: MANAGER.id, role: 'manager' },
        aspirations: [
          anAspiration({ id: 'new', title: 'Staff engineer', position: 0 }),
          anAspiration({
            id: 'changed',
            title: 'Lead the guild',
            position: 1,
            acknowledgement: seen,
            changedSinceAcknowledged: true,
          }),
          anAspiration({
            id: 'seen',
            title: 'Speak at SREcon',
            position: 2,
            acknowledgement: seen,
            steps: [
              {
                id: 's1',
                text: 'Submit the talk',
                status: 'done',
                dueDate: null,
                completedAt: null,
                createdAt: '2026-11-01T10:00:00.000Z',
              },
              {
                id: 's2',
                text: 'Rehearse',
                status: 'open',
                dueDate: null,
                completedAt: null,
                createdAt: '2026-11-01T10:00:00.000Z',
              },
            ],
          }),
        ],
      }),
      {},
      true,
    );
    expect(
      await screen.findByRole('button', { name: 'Acknowledge “Staff engineer”' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Acknowledge the changes to “Lead the guild”' })
        .textContent,
    ).toBe('Acknowledge changes');
    expect(screen.queryByRole('button', { name: /^Acknowledge.*Speak at SREcon/ })).toBeNull();
    fireEvent.click(
      screen.getByRole('button', { name: 'Edit your support note on “Speak at SREcon”' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Your support note on “Speak at SREcon”',
    });
    expect(within(dialog).getByRole('button', { name: 'Save note' })).toBeTruthy();
    // Steps are read-only for the manager: words and marks, no controls.
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('(done)')).toBeTruthy();
    expect(screen.getByText('(not done yet)')).toBeTruthy();
  });

  test('a report with an empty board is described to the manager in the third person', async () => {
    renderBoard(aBoard({ viewer: { id: MANAGER.id, role: 'manager' } }), {}, true);
    const empty = within(
      await screen.findByRole('region', { name: 'Nia hasn’t written any aspirations yet' }),
    );
    expect(empty.getByText(/^their 1- or 3-year plan/)).toBeTruthy();
    // Spoken about Nia, to the manager: none of the employee's own "your plan", "you want".
    expect(
      empty.queryByText(/\b(your 1-|your next (opportunity|big)|you want|you are)\b/i),
    ).toBeNull();
  });

  test('a card with no steps offers “Add a first step” instead of an empty Steps list', async () => {
    const addStep = jest.fn(async () => anAspiration({ steps: [] }));
    renderBoard(aBoard({ aspirations: [anAspiration({ title: 'Staff engineer' })] }), { addStep });
    const start = await screen.findByRole('button', {
      name: 'Add a first step to “Staff engineer”',
    });
    expect(screen.queryByRole('heading', { name: 'Steps' })).toBeNull();
    press(start);
    const input = await screen.findByRole('textbox', { name: 'New step for “Staff engineer”' });
    expect(document.activeElement).toBe(input);
  });

  test('someone else’s board by a crafted link gets a clear no-access page', async () => {
    renderBoard(aBoard(), {
      board: async () =>
        Promise.reject(new ApiProblem(403, 'Not allowed', 'You cannot see this board.')),
    });
    expect(
      await screen.findByRole('heading', { name: 'This board isn’t yours to see' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to my board' })).toBeTruthy();
  });
});
