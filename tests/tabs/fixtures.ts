import type {
  AspirationView,
  BoardView,
  MeView,
  TeamMemberView,
} from '../../api/src/contract/boardContract';
import { LIMITS } from '../../api/src/contract/boardContract';

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
    flags: [],
    ...overrides,
  };
}
