import type {
  AspirationView,
  BoardView,
  MeView,
  TeamMemberView,
} from '../../api/src/contract/boardContract';
import { LIMITS } from '../../api/src/contract/boardContract';
import type { ConversationView } from '../../api/src/contract/conversationContract';

/** Plain data for tab tests: a board, its people and a team, shaped like the API's answers. */

export const EMPLOYEE = { id: 'emp-1', displayName: 'Nia Adeyemi', jobTitle: 'Software Engineer' };
export const MANAGER = {
  id: 'mgr-1',
  displayName: 'Tobias Becker',
  jobTitle: 'Engineering Manager',
};

export function anAspiration(overrides: Partial<AspirationView> = {}): AspirationView {
  return {
    id: 'asp-1',
    etag: '"e1"',
    kind: 'title',
    horizon: 'next',
    title: 'Staff engineer',
    details: '',
    targetDate: null,
    position: 0,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    steps: [],
    evidence: [],
    acknowledgement: null,
    changedSinceAcknowledged: false,
    comments: [],
    ...overrides,
  };
}

export function aBoard(overrides: Partial<BoardView> = {}): BoardView {
  return {
    employee: EMPLOYEE,
    manager: MANAGER,
    viewer: { id: EMPLOYEE.id, role: 'employee' },
    aspirations: [],
    limits: LIMITS,
    ...overrides,
  };
}

export function aMe(overrides: Partial<MeView> = {}): MeView {
  return {
    ...EMPLOYEE,
    mail: 'nia@contoso.example',
    tenantId: 'tenant-1',
    isAdmin: false,
    manager: MANAGER,
    directReports: [],
    ...overrides,
  };
}

export function aMember(overrides: Partial<TeamMemberView> = {}): TeamMemberView {
  return {
    id: 'm-1',
    displayName: 'Someone',
    jobTitle: 'Engineer',
    counts: { aspirations: 1, needsAcknowledgement: 0, changedSinceAcknowledged: 0 },
    latestByHorizon: { next: null, '1y': null, '3y': null },
    lastConversation: null,
    nextConversation: null,
    notBooked: null,
    flags: [],
    ...overrides,
  };
}

/** A conversation booked for 1 December 2026, 15:00–15:30 UTC, as the employee reads it. */
export function aConversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: `2026-Q4-${MANAGER.id}`,
    quarter: '2026-Q4',
    status: 'scheduled',
    reason: 'quarterly',
    manager: { id: MANAGER.id },
    start: '2026-12-01T15:00:00.000Z',
    end: '2026-12-01T15:30:00.000Z',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/test',
    attempt: 1,
    sharedNotes: '',
    actionItems: [],
    notesRequested: false,
    privateNotes: '',
    etag: '"c1"',
    log: [],
    ...overrides,
  };
}
