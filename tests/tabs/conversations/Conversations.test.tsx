import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import type { BoardView } from '../../../api/src/contract/boardContract';
import type {
  ConversationPatch,
  ConversationView,
} from '../../../api/src/contract/conversationContract';
import { ApiProblem } from '../../../tabs/src/api/apiProblem';
import type { CareerBoardApi } from '../../../tabs/src/api/careerBoardApi';
// The board as the app shows it: with its conversations (app/BoardPage.tsx).
import { BoardScreen } from '../../../tabs/src/app/BoardPage';
import { formatDay } from '../../../tabs/src/common/format';
import { formatConversationTime } from '../../../tabs/src/conversations/conversationLogic';
import { aBoard, aConversation, aMe, EMPLOYEE, MANAGER } from '../fixtures';
import { fakeApi, renderWithSession } from '../renderWithSession';

/** Like a person clicking: focus moves to the control first (fireEvent.click alone leaves it behind). */
function press(element: HTMLElement) {
  act(() => element.focus());
  fireEvent.click(element);
}

function type(element: HTMLElement, value: string) {
  act(() => element.focus());
  fireEvent.change(element, { target: { value } });
}

const DAY = 24 * 60 * 60 * 1000;
/** A time this many days from now, so "next" and "past" hold whenever the tests run. */
const daysFromNow = (days: number, minutes = 0) =>
  new Date(Date.now() + days * DAY + minutes * 60_000).toISOString();

const upcoming = (overrides: Partial<ConversationView> = {}) =>
  aConversation({ start: daysFromNow(8), end: daysFromNow(8, 30), ...overrides });
const held = (overrides: Partial<ConversationView> = {}) =>
  aConversation({
    id: `2026-Q3-${MANAGER.id}`,
    quarter: '2026-Q3',
    status: 'held',
    start: daysFromNow(-5),
    end: daysFromNow(-5, 30),
    notesRequested: true,
    etag: '"h1"',
    ...overrides,
  });

const asManager = aBoard({ viewer: { id: MANAGER.id, role: 'manager' } });

function renderConversations(
  conversations: ConversationView[],
  overrides: Partial<CareerBoardApi> = {},
  board: BoardView = aBoard(),
) {
  const api = fakeApi({
    board: async () => board,
    privateNotes: async () => ({ text: '', updatedAt: null, etag: null }),
    conversations: async () => conversations,
    ...overrides,
  });
  const me =
    board.viewer.role === 'manager'
      ? aMe({ ...MANAGER, manager: null, directReports: [EMPLOYEE] })
      : aMe();
  renderWithSession(<BoardScreen employeeId={EMPLOYEE.id} />, { api, me });
  return api;
}

const section = () => screen.findByRole('region', { name: 'Conversations' });

async function openConversation(name: RegExp) {
  press(within(await section()).getByRole('button', { name }));
  return within(await section());
}

/** An API that keeps one conversation and answers PATCH like the real one (new ETag each time). */
function conversationStore(initial: ConversationView) {
  let current = initial;
  let version = 1;
  const updateConversation = jest.fn(
    async (_employeeId: string, _id: string, patch: ConversationPatch, _etag: string | null) => {
      const { privateNotes, ...shared } = patch;
      if (Object.keys(shared).length > 0) version += 1;
      current = {
        ...current,
        ...(shared.sharedNotes !== undefined ? { sharedNotes: shared.sharedNotes } : {}),
        ...(shared.actionItems
          ? {
              actionItems: shared.actionItems.map((a, i) => ({
                id: a.id ?? `new-${version}-${i}`,
                text: a.text,
                owner: a.owner,
                dueDate: a.dueDate ?? null,
                done: a.done ?? false,
              })),
            }
          : {}),
        ...(privateNotes !== undefined ? { privateNotes } : {}),
        etag: `"c${version}"`,
      };
      return current;
    },
  );
  return { updateConversation, conversations: async () => [current] };
}

describe('Conversations on the board', () => {
  test('with none booked yet, it says Career Board books one every quarter', async () => {
    renderConversations([]);
    expect(
      within(await section()).getByText(
        'No conversation booked yet. Career Board books one every quarter and sends you both an invite.',
      ),
    ).toBeTruthy();
  });

  test('the next conversation shows when it is in the viewer’s own time zone, that it is booked, and how to join', async () => {
    const next = upcoming();
    renderConversations([next]);
    const card = await screen.findByTestId('next-conversation');
    // Intl puts narrow no-break spaces in times: compare the text exactly as rendered.
    expect(card.textContent).toContain(formatConversationTime(next.start!, next.end));
    expect(card.textContent).toContain('Booked — the invite is in both your calendars.');
    const join = within(card).getByRole('link', { name: 'Join in Teams' }) as HTMLAnchorElement;
    expect(join.href).toBe('https://teams.microsoft.com/l/meetup-join/test');
    expect(join.target).toBe('_blank');
  });

  test('one whose invite was declined twice says to talk to each other, and offers no link', async () => {
    renderConversations([
      aConversation({
        status: 'needs-attention',
        attempt: 2,
        log: [
          { at: '2026-11-01T10:00:00Z', what: 'declined', detail: 'declined by the employee' },
          { at: '2026-11-03T10:00:00Z', what: 'gave-up', detail: 'declined by the manager' },
        ],
      }),
    ]);
    const card = await screen.findByTestId('next-conversation');
    expect(card.textContent).toContain(
      'Needs a new time — the invite was declined twice; talk to each other',
    );
    expect(within(card).queryByRole('link', { name: 'Join in Teams' })).toBeNull();
  });

  test('while it is being booked there is no time and no link yet', async () => {
    renderConversations([aConversation({ status: 'pending', start: null, end: null })]);
    const card = await screen.findByTestId('next-conversation');
    expect(card.textContent).toContain(
      'Being booked — Career Board is finding a time that suits you both',
    );
    expect(within(card).queryByRole('link')).toBeNull();
  });

  test('after the meeting both are asked for notes; "Write notes" opens it with the cursor in the shared notes', async () => {
    // Three days ago whenever the tests run; in the first days of a year the day shows its year.
    const past = held({ start: daysFromNow(-3), end: daysFromNow(-3, 30) });
    renderConversations([past], {}, asManager);
    const prompt = await screen.findByTestId('notes-prompt');
    expect(
      within(prompt).getByText(
        `Your conversation on ${formatDay(past.start!)} has happened — write down what you agreed`,
      ),
    ).toBeTruthy();
    expect(within(prompt).getByText(/You and Nia can both write the shared notes/)).toBeTruthy();

    press(within(prompt).getByRole('button', { name: /^Write notes/ }));
    const notes = await within(await section()).findByRole('textbox', { name: 'Shared notes' });
    await waitFor(() => expect(document.activeElement).toBe(notes));
  });

  test('the manager writes shared notes and an action for Nia; each write carries the latest ETag', async () => {
    const store = conversationStore(held());
    renderConversations([held()], store, asManager);
    const panel = await openConversation(/· Held$/);

    type(
      panel.getByRole('textbox', { name: 'Shared notes' }),
      'Agreed: Nia leads the Q1 migration.',
    );
    expect(panel.getByText('Unsaved changes')).toBeTruthy();
    press(panel.getByRole('button', { name: 'Save shared notes' }));
    await waitFor(() =>
      expect(store.updateConversation).toHaveBeenCalledWith(
        EMPLOYEE.id,
        held().id,
        { sharedNotes: 'Agreed: Nia leads the Q1 migration.' },
        '"h1"',
      ),
    );
    // Notes written: the prompt goes away.
    await waitFor(() => expect(screen.queryByTestId('notes-prompt')).toBeNull());

    press(panel.getByRole('button', { name: 'Add an action' }));
    const form = within(await panel.findByRole('form', { name: 'New action' }));
    type(form.getByRole('textbox', { name: /^Action/ }), 'Book the cloud architecture course');
    expect(
      within(form.getByRole('combobox', { name: 'Who does it' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Nia Adeyemi', 'Tobias Becker']);
    fireEvent.change(form.getByLabelText('Due (optional)'), { target: { value: '2027-01-15' } });
    press(form.getByRole('button', { name: 'Add action' }));

    expect(
      await panel.findByRole('checkbox', { name: 'Book the cloud architecture course' }),
    ).toBeTruthy();
    expect(panel.getByText(/^Owner: Nia Adeyemi · Due [^·]+$/)).toBeTruthy();
    expect(store.updateConversation).toHaveBeenLastCalledWith(
      EMPLOYEE.id,
      held().id,
      {
        actionItems: [
          {
            text: 'Book the cloud architecture course',
            owner: 'employee',
            dueDate: '2027-01-15',
            done: false,
          },
        ],
      },
      '"c2"',
    );
  });

  test('an empty action is refused inline and nothing is sent', async () => {
    const updateConversation = jest.fn();
    renderConversations([held()], { updateConversation });
    const panel = await openConversation(/· Held$/);
    press(panel.getByRole('button', { name: 'Add an action' }));
    press(panel.getByRole('button', { name: 'Add action' }));
    expect(await panel.findByText('An action needs a description.')).toBeTruthy();
    expect(updateConversation).not.toHaveBeenCalled();
  });

  test('actions can be ticked, changed and removed; a refused tick is undone and the person told', async () => {
    const start = held({
      actionItems: [
        { id: 'a1', text: 'Write the RFC', owner: 'employee', dueDate: null, done: false },
        { id: 'a2', text: 'Find a mentor', owner: 'manager', dueDate: null, done: false },
      ],
    });
    const store = conversationStore(start);
    let refuseNext = true;
    renderConversations([start], {
      ...store,
      updateConversation: async (...args) => {
        if (!refuseNext) return store.updateConversation(...args);
        refuseNext = false;
        throw new ApiProblem(503, 'Busy', 'Try later.');
      },
    });
    const panel = await openConversation(/· Held$/);

    const rfc = panel.getByRole('checkbox', { name: 'Write the RFC' }) as HTMLInputElement;
    fireEvent.click(rfc);
    expect(rfc.checked).toBe(true);
    await waitFor(() => expect(rfc.checked).toBe(false));
    expect(await screen.findByText(/Couldn’t update the action/)).toBeTruthy();

    fireEvent.click(rfc);
    await waitFor(() =>
      expect(store.updateConversation).toHaveBeenLastCalledWith(
        EMPLOYEE.id,
        start.id,
        {
          actionItems: [
            { id: 'a1', text: 'Write the RFC', owner: 'employee', dueDate: null, done: true },
            { id: 'a2', text: 'Find a mentor', owner: 'manager', dueDate: null, done: false },
          ],
        },
        '"h1"',
      ),
    );

    press(panel.getByRole('button', { name: 'Edit “Find a mentor”' }));
    const form = within(await panel.findByRole('form', { name: 'Change “Find a mentor”' }));
    type(form.getByRole('textbox', { name: /^Action/ }), 'Find a staff-level mentor');
    press(form.getByRole('button', { name: 'Save action' }));
    const edit = await panel.findByRole('button', { name: 'Edit “Find a staff-level mentor”' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(panel.getByText('Owner: Tobias Becker')).toBeTruthy();

    press(panel.getByRole('button', { name: 'Remove “Write the RFC”' }));
    await waitFor(() =>
      expect(panel.queryByRole('checkbox', { name: 'Write the RFC' })).toBeNull(),
    );
    expect(store.updateConversation).toHaveBeenLastCalledWith(
      EMPLOYEE.id,
      start.id,
      {
        actionItems: [
          {
            id: 'a2',
            text: 'Find a staff-level mentor',
            owner: 'manager',
            dueDate: null,
            done: false,
          },
        ],
      },
      '"c3"',
    );
  });

  test('on 412 the shared notes keep what was typed, load the latest, and save on top of it', async () => {
    const mine = held({ sharedNotes: 'First draft' });
    const theirs = held({ sharedNotes: 'Tobias: agreed the migration', etag: '"h2"' });
    let list = [mine];
    const updateConversation = jest
      .fn()
      .mockRejectedValueOnce(new ApiProblem(412, 'Changed elsewhere', 'Changed by someone else.'))
      .mockResolvedValueOnce(held({ sharedNotes: 'Nia: my version', etag: '"h3"' }));
    renderConversations([mine], { conversations: async () => list, updateConversation });
    const panel = await openConversation(/· Held$/);

    const notes = panel.getByRole('textbox', { name: 'Shared notes' }) as HTMLTextAreaElement;
    type(notes, 'Nia: my version');
    press(panel.getByRole('button', { name: 'Save shared notes' }));
    expect(await panel.findByText('Changed elsewhere')).toBeTruthy();
    expect(notes.value).toBe('Nia: my version');

    list = [theirs];
    press(panel.getByRole('button', { name: 'Load latest version' }));
    expect(await panel.findByText('Saved now: Tobias: agreed the migration')).toBeTruthy();
    expect(notes.value).toBe('Nia: my version');

    press(panel.getByRole('button', { name: 'Save shared notes' }));
    await waitFor(() =>
      expect(updateConversation).toHaveBeenLastCalledWith(
        EMPLOYEE.id,
        mine.id,
        { sharedNotes: 'Nia: my version' },
        '"h2"',
      ),
    );
    await waitFor(() => expect(panel.queryByText('Latest version loaded')).toBeNull());
    expect(panel.getByText('Saved')).toBeTruthy();
  });

  test('an action added while someone else changed the conversation keeps its text until the latest is loaded', async () => {
    const theirs = held({
      etag: '"h2"',
      actionItems: [
        { id: 'a1', text: 'Their action', owner: 'manager', dueDate: null, done: false },
      ],
    });
    let list = [held()];
    const updateConversation = jest
      .fn()
      .mockRejectedValueOnce(new ApiProblem(412, 'Changed elsewhere', 'Changed by someone else.'))
      .mockImplementationOnce(async (_e: string, _id: string, patch: ConversationPatch) =>
        held({
          etag: '"h3"',
          actionItems: (patch.actionItems ?? []).map((a, i) => ({
            id: a.id ?? `n${i}`,
            text: a.text,
            owner: a.owner,
            dueDate: a.dueDate ?? null,
            done: a.done ?? false,
          })),
        }),
      );
    renderConversations([held()], { conversations: async () => list, updateConversation });
    const panel = await openConversation(/· Held$/);
    press(panel.getByRole('button', { name: 'Add an action' }));
    const form = within(await panel.findByRole('form', { name: 'New action' }));
    type(form.getByRole('textbox', { name: /^Action/ }), 'My action');
    press(form.getByRole('button', { name: 'Add action' }));
    expect(await panel.findByText('Changed elsewhere')).toBeTruthy();
    expect((form.getByRole('textbox', { name: /^Action/ }) as HTMLInputElement).value).toBe(
      'My action',
    );

    list = [theirs];
    press(panel.getByRole('button', { name: 'Load latest version' }));
    expect(await panel.findByRole('checkbox', { name: 'Their action' })).toBeTruthy();
    press(form.getByRole('button', { name: 'Add action' }));
    expect(await panel.findByRole('checkbox', { name: 'My action' })).toBeTruthy();
    expect(updateConversation).toHaveBeenLastCalledWith(
      EMPLOYEE.id,
      theirs.id,
      {
        actionItems: [
          { id: 'a1', text: 'Their action', owner: 'manager', dueDate: null, done: false },
          { text: 'My action', owner: 'employee', dueDate: null, done: false },
        ],
      },
      '"h2"',
    );
  });

  test('private notes on a conversation are marked as the viewer’s alone and saved without If-Match', async () => {
    const store = conversationStore(held({ privateNotes: '' }));
    renderConversations([held()], store, asManager);
    const panel = await openConversation(/· Held$/);
    const mine = within(panel.getByTestId('conversation-private-notes'));
    expect(
      mine.getByRole('heading', { name: 'My private notes on this conversation' }),
    ).toBeTruthy();
    expect(mine.getByText('Only you can see this')).toBeTruthy();
    expect(mine.getByText('Not Nia, not anyone else.')).toBeTruthy();

    type(mine.getByRole('textbox', { name: 'My private notes' }), 'Ask about the budget.');
    press(mine.getByRole('button', { name: 'Save private notes' }));
    await waitFor(() =>
      expect(store.updateConversation).toHaveBeenCalledWith(
        EMPLOYEE.id,
        held().id,
        { privateNotes: 'Ask about the budget.' },
        null,
      ),
    );
    expect(await mine.findByText('Saved')).toBeTruthy();
  });

  test('what was typed survives closing the conversation and opening it again', async () => {
    renderConversations([held()]);
    let panel = await openConversation(/· Held$/);
    type(panel.getByRole('textbox', { name: 'My private notes' }), 'Half a thought');
    press(panel.getByRole('button', { name: /· Held · unsaved notes$/ }));
    await waitFor(() =>
      expect(panel.queryByRole('textbox', { name: 'My private notes' })).toBeNull(),
    );
    panel = await openConversation(/· Held · unsaved notes$/);
    expect(
      (panel.getByRole('textbox', { name: 'My private notes' }) as HTMLTextAreaElement).value,
    ).toBe('Half a thought');
  });

  test('open actions from earlier conversations are listed, with where they go next', async () => {
    renderConversations([
      upcoming(),
      held({
        sharedNotes: 'Agreed a plan.',
        actionItems: [
          {
            id: 'a1',
            text: 'Write the RFC',
            owner: 'employee',
            dueDate: '2027-01-15',
            done: false,
          },
          { id: 'a2', text: 'Already done', owner: 'manager', dueDate: null, done: true },
        ],
      }),
    ]);
    const carried = within(
      await screen.findByRole('region', { name: 'Open actions from earlier conversations' }),
    );
    expect(carried.getByText(/They carry into the next conversation’s agenda/)).toBeTruthy();
    expect(carried.getByText('Write the RFC')).toBeTruthy();
    expect(carried.getByText(/^Owner: Nia Adeyemi · Due .* · From /)).toBeTruthy();
    expect(carried.queryByText('Already done')).toBeNull();
    expect(screen.queryByTestId('notes-prompt')).toBeNull();
  });

  test('an action agreed with a previous manager is not credited to the new one', async () => {
    renderConversations([
      held({
        manager: { id: 'old-manager' },
        sharedNotes: 'x',
        actionItems: [
          { id: 'a1', text: 'Old promise', owner: 'manager', dueDate: null, done: false },
        ],
      }),
    ]);
    const carried = within(
      await screen.findByRole('region', { name: 'Open actions from earlier conversations' }),
    );
    expect(carried.getByText(/^Owner: Previous manager/)).toBeTruthy();
  });

  test('if conversations cannot load, the board still shows and "Try again" loads them', async () => {
    const conversations = jest
      .fn()
      .mockRejectedValueOnce(new ApiProblem(503, 'Busy', 'Graph is not answering.'))
      .mockResolvedValueOnce([upcoming()]);
    renderConversations([], { conversations });
    const panel = within(await section());
    expect(await panel.findByText('Career Board is busy')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'My board' })).toBeTruthy();
    press(panel.getByRole('button', { name: 'Try again' }));
    expect(await panel.findByRole('link', { name: 'Join in Teams' })).toBeTruthy();
  });
});

describe('the board’s private notes say who cannot read them', () => {
  test('to the employee: not your manager', async () => {
    renderConversations([]);
    expect(
      await within(await screen.findByTestId('private-notes')).findByText(
        /^Not your manager, not anyone else\./,
      ),
    ).toBeTruthy();
  });

  test('to the manager: not the employee, by name', async () => {
    renderConversations([], {}, asManager);
    const panel = within(await screen.findByTestId('private-notes'));
    expect(await panel.findByText(/^Not Nia, not anyone else\./)).toBeTruthy();
    expect(panel.queryByText(/Not your manager/)).toBeNull();
  });
});
