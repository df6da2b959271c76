import type { Client } from '@microsoft/microsoft-graph-client';

/**
 * The pilot group through Graph (permission GroupMember.Read.All, application): its members,
 * nested groups included, and a search by name for the settings screen's picker.
 */

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Every user in the group, directly or through nested groups: ids only, lower-cased. */
export async function readPilotMemberIds(
  client: Client,
  groupId: string,
): Promise<{ memberIds: string[]; requests: number }> {
  let page = (await client
    .api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`)
    .select('id')
    .top(999)
    .get()) as Page<{ id: string }>;
  const memberIds = page.value.map((u) => u.id.toLowerCase());
  let requests = 1;
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).get()) as Page<{ id: string }>;
    memberIds.push(...page.value.map((u) => u.id.toLowerCase()));
    requests++;
  }
  return { memberIds, requests };
}

export interface GroupMatch {
  id: string;
  displayName: string;
}

/**
 * Security groups whose name starts with `text` (up to 20, by name). `startswith` on displayName
 * is a default query, so it needs no `ConsistencyLevel: eventual` header; Microsoft 365 groups are
 * left out here (an Exchange management scope and the pilot want a security group).
 */
export async function searchGroups(client: Client, text: string): Promise<GroupMatch[]> {
  const quoted = text.replace(/'/g, "''");
  const page = (await client
    .api('/groups')
    .filter(`startswith(displayName,'${quoted}')`)
    .select('id,displayName,securityEnabled')
    .top(50)
    .get()) as Page<GroupMatch & { securityEnabled: boolean }>;
  return page.value
    .filter((g) => g.securityEnabled)
    .slice(0, 20)
    .map((g) => ({ id: g.id, displayName: g.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
