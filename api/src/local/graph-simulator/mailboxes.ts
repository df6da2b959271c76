import type { DemoUser } from '../demo-org/types';
import { GraphHttpError } from './graphErrors';
import type { OrgStore } from './orgStore';

/**
 * Mailboxes: which user a `/users/{id|upn}/calendar...` path or an attendee address means, and
 * which requests count against Outlook's per-mailbox limits.
 */

/** App roles that may read calendars (free/busy, events), least privileged first. */
export const READ_CALENDARS_ROLES = [
  'Calendars.ReadBasic',
  'Calendars.Read',
  'Calendars.ReadWrite',
];
export const WRITE_CALENDARS_ROLES = ['Calendars.ReadWrite'];

/** Outlook resources under a user: these requests are per-mailbox throttled; org-chart reads are not. */
const MAILBOX_PATH =
  /^\/users\/([^/?]+)\/(?:calendar|calendars|events|calendarView|mailboxSettings)(?:[/?(]|$)/i;

/** The `{id|upn}` of a mailbox request's path (still URL-encoded as sent), or null. */
export function mailboxSegment(path: string): string | null {
  return MAILBOX_PATH.exec(path)?.[1] ?? null;
}

/** A user of the tenant by object id or user principal name. */
export function findUserByIdOrUpn(
  store: OrgStore,
  tenantId: string,
  idOrUpn: string,
): DemoUser | undefined {
  const key = idOrUpn.toLowerCase();
  return (
    store.getUser(tenantId, key) ??
    store.listUsers(tenantId).find((u) => u.userPrincipalName.toLowerCase() === key)
  );
}

/** A user of the tenant by SMTP address (their mail) or UPN, as Exchange resolves recipients. */
export function findUserByAddress(
  store: OrgStore,
  tenantId: string,
  address: string,
): DemoUser | undefined {
  return store.findByAddress(tenantId, address);
}

/** Graph's answer for an unknown user in an Outlook path. */
export const invalidUser = (idOrUpn: string) =>
  new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${idOrUpn}' is invalid.`);

/** The user whose mailbox a calendar path names; 404 like Outlook if unknown or without mailbox. */
export function findMailboxOrThrow(store: OrgStore, tenantId: string, idOrUpn: string): DemoUser {
  const user = findUserByIdOrUpn(store, tenantId, idOrUpn);
  if (!user) throw invalidUser(idOrUpn);
  if (user.mail === null) {
    throw new GraphHttpError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
  }
  return user;
}

/** The throttling key of a mailbox segment: the user's id when known, so id and UPN share limits. */
export function mailboxKey(store: OrgStore, tenantId: string, segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // An undecodable segment fails later in routing; it still needs some key here.
  }
  return findUserByIdOrUpn(store, tenantId, decoded)?.id ?? decoded.toLowerCase();
}
