import type { Client } from '@microsoft/microsoft-graph-client';

import type { DeltaUser } from '../domain/orgChart/deltaMerge';
import { graphStatus } from './graphStatus';

/**
 * Reads the org chart with `/users/delta`: a full read the first time (pages of 999, `manager`
 * selected), then only the changes since the stored delta link.
 */

const SELECT =
  'id,displayName,mail,jobTitle,department,officeLocation,accountEnabled,userType,manager';

export interface DeltaRound {
  users: DeltaUser[];
  deltaLink: string;
  requests: number;
  /** True when the stored link had expired and a full read was done instead. */
  resynced: boolean;
  full: boolean;
}

interface DeltaPage {
  value: DeltaUser[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export async function readOrgChartDelta(
  client: Client,
  deltaLink: string | null,
): Promise<DeltaRound> {
  if (deltaLink) {
    try {
      return { ...(await follow(client, deltaLink)), resynced: false, full: false };
    } catch (error) {
      // 410 Gone / SyncStateNotFound: the delta token expired; start again from a full read.
      if (graphStatus(error) !== 410) throw error;
      return { ...(await fullRead(client)), resynced: true, full: true };
    }
  }
  return { ...(await fullRead(client)), resynced: false, full: true };
}

async function fullRead(client: Client) {
  const first = (await client
    .api('/users/delta')
    .select(SELECT)
    .header('Prefer', 'odata.maxpagesize=999')
    .get()) as DeltaPage;
  return drain(client, first, 1);
}

async function follow(client: Client, link: string) {
  const first = (await client
    .api(link)
    .header('Prefer', 'odata.maxpagesize=999')
    .get()) as DeltaPage;
  return drain(client, first, 1);
}

async function drain(
  client: Client,
  first: DeltaPage,
  requests: number,
): Promise<{ users: DeltaUser[]; deltaLink: string; requests: number }> {
  const users: DeltaUser[] = [...first.value];
  let page = first;
  let count = requests;
  while (page['@odata.nextLink']) {
    page = (await client
      .api(page['@odata.nextLink'])
      .header('Prefer', 'odata.maxpagesize=999')
      .get()) as DeltaPage;
    users.push(...page.value);
    count++;
  }
  if (!page['@odata.deltaLink']) throw new Error('Graph ended a delta round without a delta link');
  return { users, deltaLink: page['@odata.deltaLink'], requests: count };
}
