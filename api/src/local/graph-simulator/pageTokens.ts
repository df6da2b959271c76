import { createHmac, timingSafeEqual } from 'node:crypto';

import { badRequest, syncStateNotFound } from './graphErrors';
import type { UserProperty } from './odataQuery';

/**
 * `$skiptoken` and `$deltatoken` values. Like Graph's they are opaque to clients and carry the
 * original query (`$select`, page size, filter), so a nextLink or deltaLink works on its own. They
 * are signed and bound to a tenant, so a token cannot be edited or replayed by another tenant, and
 * to the store's epoch, so a deltaLink from before a restart asks for a resync (410) instead of
 * silently missing changes.
 */

interface Query {
  pageSize: number;
  select: UserProperty[] | null;
  manager: boolean;
}

export type PageState =
  | ({
      kind: 'users';
      offset: number;
      accountEnabled: boolean | null;
      /** `startswith(displayName,'…')`, lower-cased: the people picker's search. */
      nameStartsWith?: string | null;
    } & Query)
  | ({ kind: 'directReports'; managerId: string; offset: number } & Query)
  /** A later page of a group's transitive user members. */
  | ({ kind: 'groupMembers'; groupId: string; offset: number } & Query)
  /** A later page of the initial round: everything that exists. */
  | ({ kind: 'deltaInitial'; since: number; offset: number } & Query)
  /** A later page of a tracked round: changes in (since, upto]. */
  | ({ kind: 'deltaChanges'; since: number; upto: number; offset: number } & Query)
  /** A deltaLink: changes after `since`. */
  | ({ kind: 'delta'; since: number } & Query);

export type PageKind = PageState['kind'];

interface Envelope {
  v: 1;
  tenant: string;
  epoch: string;
  state: PageState;
}

export interface PageTokens {
  encode(tenantId: string, epoch: string, state: PageState): string;
  /** The state in a token, or a Graph error if it is malformed, foreign or of the wrong kind. */
  decode<K extends PageKind>(
    token: string,
    tenantId: string,
    epoch: string,
    kinds: readonly K[],
  ): Extract<PageState, { kind: K }>;
}

const DELTA_KINDS: readonly PageKind[] = ['delta', 'deltaInitial', 'deltaChanges'];

export function createPageTokens(secret: string): PageTokens {
  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 27);
  return {
    encode(tenantId, epoch, state) {
      const envelope: Envelope = { v: 1, tenant: tenantId, epoch, state };
      const payload = Buffer.from(JSON.stringify(envelope)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(token, tenantId, epoch, kinds) {
      const invalid = () =>
        badRequest('The $skiptoken or $deltatoken is not valid for this request.');
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) throw invalid();
      const expected = Buffer.from(sign(payload));
      const actual = Buffer.from(signature);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw invalid();
      let envelope: Envelope;
      try {
        envelope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Envelope;
      } catch {
        throw invalid();
      }
      if (envelope.v !== 1 || envelope.tenant !== tenantId) throw invalid();
      if (!(kinds as readonly PageKind[]).includes(envelope.state.kind)) throw invalid();
      if (envelope.epoch !== epoch) {
        throw DELTA_KINDS.includes(envelope.state.kind) ? syncStateNotFound() : invalid();
      }
      return envelope.state as Extract<PageState, { kind: (typeof kinds)[number] }>;
    },
  };
}
