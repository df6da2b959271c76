import type { MailboxSettings, User } from '@microsoft/microsoft-graph-types';

import type { DemoUser } from '../demo-org/types';
import { DEFAULT_USER_PROPERTIES } from './odataQuery';
import type { Selection, UserProperty } from './odataQuery';

/** Renders a demo person as a Graph `user` resource with the selected properties. */

export const USER_ODATA_TYPE = '#microsoft.graph.user';

/** Exchange writes times of day with seven fractional digits: `09:00:00.0000000`. */
const exchangeTime = (time: string) => `${time}.0000000`;

/** Null for people without an Exchange mailbox: Graph has no mailbox settings to show for them. */
export function renderMailboxSettings(user: DemoUser): MailboxSettings | null {
  if (user.mail === null) return null;
  const hours = user.mailboxSettings.workingHours;
  return {
    timeZone: user.mailboxSettings.timeZone,
    workingHours: {
      daysOfWeek: [...hours.daysOfWeek],
      startTime: exchangeTime(hours.startTime),
      endTime: exchangeTime(hours.endTime),
      timeZone: { name: hours.timeZone.name },
    },
  };
}

const RENDER: Record<UserProperty, (u: DemoUser) => User[keyof User] | undefined> = {
  id: (u) => u.id,
  displayName: (u) => u.displayName,
  givenName: (u) => u.givenName,
  surname: (u) => u.surname,
  mail: (u) => u.mail,
  userPrincipalName: (u) => u.userPrincipalName,
  jobTitle: (u) => u.jobTitle,
  department: (u) => u.department,
  officeLocation: (u) => u.officeLocation,
  accountEnabled: (u) => u.accountEnabled,
  userType: (u) => u.userType,
  businessPhones: () => [],
  mobilePhone: () => null,
  preferredLanguage: () => null,
  // Omitted (not null) when there is no mailbox, as for any property the service cannot read.
  mailboxSettings: (u) => renderMailboxSettings(u) ?? undefined,
};

/** The selected properties; `id` always comes back, as in Graph. */
export function renderUser(
  user: DemoUser,
  selection: Selection,
  options: { odataType?: boolean } = {},
): User {
  const properties = selection.properties ?? DEFAULT_USER_PROPERTIES;
  const body: Record<string, unknown> = options.odataType ? { '@odata.type': USER_ODATA_TYPE } : {};
  for (const property of properties) {
    const value = RENDER[property](user);
    if (value !== undefined) body[property] = value;
  }
  if (!('id' in body)) body.id = user.id;
  return body as User;
}
