import type { Client } from '@microsoft/microsoft-graph-client';

import { createTokenValidator } from './auth/tokenValidator';
import type { TokenValidator } from './auth/tokenValidator';
import type { Config } from './config';
import { createActivityNotifier } from './graph/activityNotifier';
import type { ActivityNotifier } from './graph/activityNotifier';
import { createGraphClientFactory } from './graph/graphClient';
import { createCachedOrgDirectory } from './graph/cachedOrgDirectory';
import { createOrgDirectory } from './graph/orgDirectory';
import { createMailboxLimiter } from './graph/mailboxLimiter';
import type { MailboxLimiter } from './graph/mailboxLimiter';
import type { OrgDirectory } from './graph/orgDirectory';
import { createBoardRepository } from './store/boardRepository';
import type { BoardRepository } from './store/boardRepository';
import { createBoardQueries } from './store/board/boardQueries';
import type { BoardQueries } from './store/board/boardQueries';
import { openCosmosStore } from './store/cosmosClient';
import { createConversationRepository } from './store/conversationRepository';
import type { ConversationRepository } from './store/conversationRepository';
import { createDirectoryRepository } from './store/directoryRepository';
import type { DirectoryRepository } from './store/directoryRepository';
import { createSettingsRepository } from './store/settingsRepository';
import type { SettingsRepository } from './store/settingsRepository';
import { createTenantPassLock } from './store/tenantPassLock';
import type { TenantPassLock } from './store/tenantPassLock';
import type { CosmosStore } from './store/cosmosClient';
import { createDisclosureKeys } from './store/disclosureKeys';
import type { DisclosureKeys } from './store/disclosureKeys';
import { createPersonData } from './store/personData';
import { createSharingRepository } from './store/sharingRepository';
import type { SharingRepository } from './store/sharingRepository';
import type { PersonData } from './store/personData';
import { createMailboxLeases } from './store/mailboxLeases';
import type { MailboxLeases } from './store/mailboxLeases';
import { createSchedulingRuns } from './store/schedulingRuns';
import type { SchedulingRuns } from './store/schedulingRuns';
import { createWorkQueue } from './store/workQueue';
import type { WorkQueue } from './store/workQueue';

/**
 * Everything a handler or the scheduler may use, built once per process from the configuration:
 * the one way they reach the store, Graph and token validation.
 */
export interface Services {
  config: Config;
  validateToken: TokenValidator;
  graphFor: (tenantId: string) => Client;
  directory: OrgDirectory;
  /** The raw store: the health probe, the local host and tests only; handlers use repositories. */
  cosmos: CosmosStore;
  boards: BoardRepository;
  /** Reads across many boards: the team view and adoption figures. */
  boardQueries: BoardQueries;
  settings: SettingsRepository;
  conversations: ConversationRepository;
  orgChart: DirectoryRepository;
  /** One scheduling pass per tenant at a time. */
  passLock: TenantPassLock;
  /** Each tenant's secret for rounding the adoption figures (never returned by any route). */
  disclosureKeys: DisclosureKeys;
  /** Leavers, erasure and the employee's own export (README: Leavers and erasure). */
  personData: PersonData;
  /** Shares, advice threads and sponsorships (issue 13); read fresh on every request. */
  sharing: SharingRepository;
  /** Where a fanned-out pass sends its work items (the Function App's storage queues). */
  workQueue: WorkQueue;
  /** Per-mailbox leases of the queue workers: one worker per manager's mailbox at a time. */
  mailboxLeases: MailboxLeases;
  /** A fanned-out pass's work item results, and each tenant's latest run. */
  schedulingRuns: SchedulingRuns;
  /** Shared by every calendar call of this process: Outlook's 4-per-mailbox limit. */
  mailboxLimiter: MailboxLimiter;
  /** Teams activity-feed notifications, best effort (never throws). */
  notifier: ActivityNotifier;
  now: () => Date;
}

export async function createServices(config: Config): Promise<Services> {
  const graphFor = createGraphClientFactory(config.graph);
  const cosmos = await openCosmosStore(config.cosmos);
  return {
    config,
    validateToken: createTokenValidator(config.auth),
    graphFor,
    directory: createCachedOrgDirectory(createOrgDirectory(graphFor), config.orgChartCacheSeconds),
    cosmos,
    boards: createBoardRepository(cosmos.containers.boards, cosmos.containers.history),
    boardQueries: createBoardQueries(cosmos.containers.boards),
    settings: createSettingsRepository(cosmos.containers.settings),
    conversations: createConversationRepository(cosmos.containers.conversations),
    orgChart: createDirectoryRepository(cosmos.containers.directory),
    passLock: createTenantPassLock(cosmos.containers.settings),
    disclosureKeys: createDisclosureKeys(cosmos.containers.settings),
    personData: createPersonData(cosmos.containers),
    sharing: createSharingRepository(cosmos.containers.sharing),
    workQueue: createWorkQueue(config.queues),
    mailboxLeases: createMailboxLeases(cosmos.containers.settings),
    schedulingRuns: createSchedulingRuns(cosmos.containers.settings),
    mailboxLimiter: createMailboxLimiter(4),
    notifier: createActivityNotifier(graphFor),
    now: () => new Date(),
  };
}
