import type {
  AspirationInput,
  AspirationPatch,
  AspirationView,
  BoardView,
  ChatPairView,
  EvidenceInput,
  HistoryEntryView,
  MeView,
  PrivateNotesView,
  StepInput,
  StepPatch,
  TeamView,
} from '@contract/boardContract';
import type {
  ConversationPatch,
  ConversationView,
  PickSlotInput,
  PickSuggestionsView,
  UnbookedPairsView,
} from '@contract/conversationContract';
import type {
  PilotGroup,
  PilotGroupSearchView,
  TenantSettingsInput,
  TenantSettingsView,
} from '@contract/settingsContract';
import type { AdoptionView } from '@contract/adoptionContract';
import type { MeetingPanelView } from '@contract/meetingContract';
import type { ExportFormat } from '@contract/exportContract';
import type {
  AdviceInput,
  AdviceThreadView,
  PeopleSearchView,
  ShareInput,
  ShareView,
  SharedBoardView,
  SharedWithMeView,
  SharesView,
  SponsorshipView,
} from '@contract/sharingContract';
import type { ApiClient } from './apiClient';

/** A board's first reads, when their answer is already there: taken once, else undefined. */
export interface FirstReadsThere {
  board(employeeId: string): BoardView | undefined;
  conversations(employeeId: string): ConversationView[] | undefined;
}

/** Every API route the tab calls, typed by the shared contract. */
export interface CareerBoardApi {
  /**
   * First reads the session started early that have already answered (api/firstReads.ts): a
   * screen may open with one instead of asking. Each is taken once, like the request itself.
   */
  answered?: FirstReadsThere;
  /**
   * Reads whose answers are already in hand before anyone asked (the page's early reads, local
   * mode): the session and its first screen open with them in their first render. Each is taken
   * once; afterwards, and when one is not in, the read goes to the API.
   */
  inHand?: FirstReadsThere & { me(): MeView | undefined };
  me(): Promise<MeView>;
  board(employeeId: string): Promise<BoardView>;
  createAspiration(employeeId: string, input: AspirationInput): Promise<AspirationView>;
  updateAspiration(
    employeeId: string,
    aspiration: Versioned,
    patch: AspirationPatch,
  ): Promise<AspirationView>;
  deleteAspiration(employeeId: string, aspiration: Versioned): Promise<void>;
  addStep(
    employeeId: string,
    aspiration: Versioned,
    input: StepInput,
  ): Promise<AspirationView | null>;
  updateStep(
    employeeId: string,
    aspiration: Versioned,
    stepId: string,
    patch: StepPatch,
  ): Promise<AspirationView | null>;
  addEvidence(
    employeeId: string,
    aspiration: Versioned,
    input: EvidenceInput,
  ): Promise<AspirationView | null>;
  acknowledge(
    employeeId: string,
    aspiration: Versioned,
    note: string | undefined,
  ): Promise<AspirationView | null>;
  addComment(
    employeeId: string,
    aspiration: Versioned,
    text: string,
  ): Promise<AspirationView | null>;
  privateNotes(employeeId: string): Promise<PrivateNotesView>;
  savePrivateNotes(
    employeeId: string,
    text: string,
    etag: string | null,
  ): Promise<PrivateNotesView>;
  history(employeeId: string): Promise<HistoryEntryView[]>;
  /** Newest first: the quarterly conversations of this pair, with the caller's own notes only. */
  conversations(employeeId: string): Promise<ConversationView[]>;
  /** Shared notes and actions need the conversation's ETag; private notes alone do not. */
  updateConversation(
    employeeId: string,
    conversationId: string,
    patch: ConversationPatch,
    etag: string | null,
  ): Promise<ConversationView>;
  /** The current manager only: times free on both calendars for a pair the pass could not book. */
  pickSlots(employeeId: string, conversationId: string): Promise<PickSuggestionsView>;
  /** Books the picked time; 409 with fresh `suggestions` when it is no longer free. */
  pickSlot(
    employeeId: string,
    conversationId: string,
    slot: PickSlotInput,
  ): Promise<ConversationView>;
  team(cursor?: string | null): Promise<TeamView>;
  chatPair(chatId: string): Promise<ChatPairView>;
  /**
   * The board in the Teams meeting whose chat is `chatId`; with the last ETag, `panel` is null
   * while nothing changed (304).
   */
  meetingPanel(
    chatId: string,
    etag: string | null,
  ): Promise<{ panel: MeetingPanelView | null; etag: string | null }>;
  /** Admins only (403 otherwise). */
  settings(): Promise<TenantSettingsView>;
  /** Once saved, a change needs the ETag it was made from: 428 without, 412 if stale. */
  saveSettings(settings: TenantSettingsInput, etag: string | null): Promise<TenantSettingsView>;
  /** Admins only: counts of who takes part, never anyone's board. */
  adoption(): Promise<AdoptionView>;
  /** Admins only: this quarter's pairs not booked, with the reason and what happens next. */
  unbookedPairs(): Promise<UnbookedPairsView>;
  /** Admins only: security groups whose name starts with `text`, for the pilot picker. */
  searchPilotGroups(text: string): Promise<PilotGroup[]>;
  /** The caller's own journal as the file's text (Markdown, or JSON pretty-printed). */
  exportMyData(format: ExportFormat): Promise<string>;
  // Sharing beyond the manager (issue 13).
  shares(employeeId: string): Promise<SharesView>;
  share(employeeId: string, input: ShareInput): Promise<ShareView>;
  revokeShare(employeeId: string, personId: string): Promise<void>;
  sharedWithMe(): Promise<SharedWithMeView>;
  sharedBoard(employeeId: string): Promise<SharedBoardView>;
  askAdvice(
    employeeId: string,
    aspirationId: string,
    input: AdviceInput,
  ): Promise<AdviceThreadView>;
  replyAdvice(
    employeeId: string,
    aspirationId: string,
    personId: string,
    text: string,
  ): Promise<AdviceThreadView>;
  /** The manager's "I will sponsor this" (true) or its withdrawal (false). */
  sponsor(employeeId: string, aspirationId: string, on: boolean): Promise<SponsorshipView | null>;
  searchPeople(text: string): Promise<PeopleSearchView['people']>;
}

/** An aspiration as the caller last saw it: its id and the ETag a change is based on. */
export interface Versioned {
  id: string;
  etag: string;
}

const seg = encodeURIComponent;

export function createCareerBoardApi(client: ApiClient): CareerBoardApi {
  const boardPath = (employeeId: string) => `/boards/${seg(employeeId)}`;
  const aspirationPath = (employeeId: string, id: string) =>
    `${boardPath(employeeId)}/aspirations/${seg(id)}`;
  const withEtag = (result: { data: AspirationView; etag: string | null }): AspirationView => ({
    ...result.data,
    etag: result.data.etag ?? result.etag ?? '',
  });
  /** Sub-resource writes answer with the updated aspiration; anything else means "reload". */
  const aspirationOrNull = (result: {
    data: unknown;
    etag: string | null;
  }): AspirationView | null =>
    isAspirationView(result.data) ? withEtag({ data: result.data, etag: result.etag }) : null;

  const conversationsPath = (employeeId: string) => `${boardPath(employeeId)}/conversations`;
  const toBoard = (board: BoardView): BoardView => ({
    ...board,
    aspirations: board.aspirations ?? [],
  });
  type ConversationList = { conversations?: ConversationView[] } | null;
  const toConversations = (list: ConversationList) => list?.conversations ?? [];
  const inHand = client.inHand?.bind(client);

  return {
    ...(inHand
      ? {
          inHand: {
            me: () => inHand<MeView>('/me')?.data,
            board: (employeeId: string) => {
              const answer = inHand<BoardView>(boardPath(employeeId));
              return answer && toBoard(answer.data);
            },
            conversations: (employeeId: string) => {
              const answer = inHand<ConversationList>(conversationsPath(employeeId));
              return answer && toConversations(answer.data);
            },
          },
        }
      : {}),
    me: async () => (await client.send<MeView>('GET', '/me')).data,
    board: async (employeeId) =>
      toBoard((await client.send<BoardView>('GET', boardPath(employeeId))).data),
    createAspiration: async (employeeId, input) =>
      withEtag(
        await client.send<AspirationView>('POST', `${boardPath(employeeId)}/aspirations`, {
          body: input,
        }),
      ),
    updateAspiration: async (employeeId, aspiration, patch) =>
      withEtag(
        await client.send<AspirationView>('PATCH', aspirationPath(employeeId, aspiration.id), {
          body: patch,
          ifMatch: aspiration.etag,
        }),
      ),
    deleteAspiration: async (employeeId, aspiration) => {
      await client.send('DELETE', aspirationPath(employeeId, aspiration.id), {
        ifMatch: aspiration.etag,
      });
    },
    addStep: async (employeeId, aspiration, input) =>
      aspirationOrNull(
        await client.send('POST', `${aspirationPath(employeeId, aspiration.id)}/steps`, {
          body: input,
          ifMatch: aspiration.etag,
        }),
      ),
    updateStep: async (employeeId, aspiration, stepId, patch) =>
      aspirationOrNull(
        await client.send(
          'PATCH',
          `${aspirationPath(employeeId, aspiration.id)}/steps/${seg(stepId)}`,
          {
            body: patch,
            ifMatch: aspiration.etag,
          },
        ),
      ),
    addEvidence: async (employeeId, aspiration, input) =>
      aspirationOrNull(
        await client.send('POST', `${aspirationPath(employeeId, aspiration.id)}/evidence`, {
          body: input,
          ifMatch: aspiration.etag,
        }),
      ),
    acknowledge: async (employeeId, aspiration, note) =>
      aspirationOrNull(
        await client.send('POST', `${aspirationPath(employeeId, aspiration.id)}/acknowledgement`, {
          body: note ? { note } : {},
          ifMatch: aspiration.etag,
        }),
      ),
    meetingPanel: async (chatId, etag) => {
      const result = await client.send<MeetingPanelView | null>(
        'GET',
        `/meetings/${seg(chatId)}/panel`,
        { ifNoneMatch: etag },
      );
      return { panel: result.status === 304 ? null : result.data, etag: result.etag ?? etag };
    },
    addComment: async (employeeId, aspiration, text) =>
      aspirationOrNull(
        await client.send('POST', `${aspirationPath(employeeId, aspiration.id)}/comments`, {
          body: { text },
        }),
      ),
    privateNotes: async (employeeId) =>
      (await client.send<PrivateNotesView>('GET', `${boardPath(employeeId)}/notes`)).data,
    savePrivateNotes: async (employeeId, text, etag) => {
      const result = await client.send<PrivateNotesView>('PUT', `${boardPath(employeeId)}/notes`, {
        body: { text },
        ifMatch: etag,
      });
      return { ...result.data, etag: result.data?.etag ?? result.etag };
    },
    history: async (employeeId) =>
      historyEntries((await client.send<unknown>('GET', `${boardPath(employeeId)}/history`)).data),
    conversations: async (employeeId) =>
      toConversations(
        (await client.send<ConversationList>('GET', conversationsPath(employeeId))).data,
      ),
    updateConversation: async (employeeId, conversationId, patch, etag) => {
      const result = await client.send<ConversationView>(
        'PATCH',
        `${boardPath(employeeId)}/conversations/${seg(conversationId)}`,
        { body: patch, ifMatch: etag },
      );
      return { ...result.data, etag: result.data.etag || result.etag || '' };
    },
    pickSlots: async (employeeId, conversationId) =>
      (
        await client.send<PickSuggestionsView>(
          'GET',
          `${boardPath(employeeId)}/conversations/${seg(conversationId)}/slots`,
        )
      ).data,
    pickSlot: async (employeeId, conversationId, slot) =>
      (
        await client.send<ConversationView>(
          'POST',
          `${boardPath(employeeId)}/conversations/${seg(conversationId)}/pick`,
          { body: slot },
        )
      ).data,
    team: async (cursor) =>
      (await client.send<TeamView>('GET', cursor ? `/team?cursor=${seg(cursor)}` : '/team')).data,
    chatPair: async (chatId) =>
      (await client.send<ChatPairView>('GET', `/chats/${seg(chatId)}/pair`)).data,
    settings: async () => {
      const result = await client.send<TenantSettingsView>('GET', '/settings');
      return { ...result.data, etag: result.data.etag ?? result.etag };
    },
    saveSettings: async (settings, etag) => {
      const result = await client.send<TenantSettingsView>('PUT', '/settings', {
        body: settings,
        ifMatch: etag,
      });
      return { ...result.data, etag: result.data.etag ?? result.etag };
    },
    adoption: async () => (await client.send<AdoptionView>('GET', '/adoption')).data,
    unbookedPairs: async () =>
      (await client.send<UnbookedPairsView>('GET', '/adoption/unbooked')).data,
    searchPilotGroups: async (text) =>
      (
        await client.send<PilotGroupSearchView>(
          'GET',
          `/settings/pilot-groups?search=${encodeURIComponent(text)}`,
        )
      ).data.groups,
    shares: async (id) => (await client.send<SharesView>('GET', `${boardPath(id)}/shares`)).data,
    share: async (id, input) =>
      (await client.send<ShareView>('POST', `${boardPath(id)}/shares`, { body: input })).data,
    revokeShare: async (id, personId) => {
      await client.send('DELETE', `${boardPath(id)}/shares/${seg(personId)}`);
    },
    sharedWithMe: async () => (await client.send<SharedWithMeView>('GET', '/shared-with-me')).data,
    sharedBoard: async (id) =>
      (await client.send<SharedBoardView>('GET', `${boardPath(id)}/shared`)).data,
    askAdvice: async (id, aspirationId, input) =>
      (
        await client.send<AdviceThreadView>('POST', `${aspirationPath(id, aspirationId)}/advice`, {
          body: input,
        })
      ).data,
    replyAdvice: async (id, aspirationId, personId, text) =>
      (
        await client.send<AdviceThreadView>(
          'POST',
          `${aspirationPath(id, aspirationId)}/advice/${seg(personId)}/replies`,
          { body: { text } },
        )
      ).data,
    sponsor: async (id, aspirationId, on) =>
      (
        await client.send<SponsorshipView>(
          on ? 'PUT' : 'DELETE',
          `${aspirationPath(id, aspirationId)}/sponsorship`,
        )
      ).data ?? null,
    searchPeople: async (text) =>
      (await client.send<PeopleSearchView>('GET', `/people?search=${seg(text)}`)).data.people,
    exportMyData: async (format) => {
      const { data } = await client.send<unknown>('GET', `/me/export?format=${format}`);
      return typeof data === 'string' ? data : JSON.stringify(data, null, 2);
    },
  };
}

export function isAspirationView(value: unknown): value is AspirationView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AspirationView).id === 'string' &&
    typeof (value as AspirationView).horizon === 'string' &&
    Array.isArray((value as AspirationView).steps)
  );
}

/** The history route answers with a list, or a page `{ entries | items: [...] }`. */
export function historyEntries(body: unknown): HistoryEntryView[] {
  if (Array.isArray(body)) return body as HistoryEntryView[];
  if (typeof body === 'object' && body !== null) {
    const page = body as { entries?: unknown; items?: unknown };
    if (Array.isArray(page.entries)) return page.entries as HistoryEntryView[];
    if (Array.isArray(page.items)) return page.items as HistoryEntryView[];
  }
  return [];
}
