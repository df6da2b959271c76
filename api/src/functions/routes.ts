import { acknowledgeAspiration } from '../handlers/board/acknowledgements';
import { addAspiration, deleteAspiration, editAspiration } from '../handlers/board/aspirations';
import { addComment } from '../handlers/board/comments';
import { readHistory } from '../handlers/board/history';
import { listConversations, updateConversation } from '../handlers/conversations/conversations';
import { pickSlot, readPickSlots } from '../handlers/conversations/managerPick';
import { readPrivateNotes, writePrivateNotes } from '../handlers/board/privateNotes';
import { readBoard } from '../handlers/board/readBoard';
import {
  addAspirationEvidence,
  addAspirationStep,
  deleteAspirationEvidence,
  deleteAspirationStep,
  editAspirationEvidence,
  editAspirationStep,
} from '../handlers/board/stepsAndEvidence';
import { getHealth } from '../handlers/health';
import { getMe } from '../handlers/me';
import { erasePerson } from '../handlers/privacy/erasePerson';
import { exportMyData } from '../handlers/privacy/exportMyData';
import { readAdoption } from '../handlers/settings/adoption';
import { readUnbookedPairs } from '../handlers/settings/unbookedPairs';
import { searchPilotGroups } from '../handlers/settings/pilotGroupSearch';
import { readSettings, writeSettings } from '../handlers/settings/tenantSettings';
import { readMeetingPanel } from '../handlers/meetings/meetingPanel';
import { readChatPair } from '../handlers/team/chatPair';
import { readTeam } from '../handlers/team/readTeam';
import { askAdvice, replyAdvice } from '../handlers/sharing/advice';
import { searchPeopleRoute } from '../handlers/sharing/peopleSearch';
import { readSharedBoard, readSharedWithMe } from '../handlers/sharing/sharedBoard';
import { createShare, listShares, revokeShare } from '../handlers/sharing/shares';
import { sponsorAspiration, withdrawSponsorship } from '../handlers/sharing/sponsorship';
import type { RouteDefinition } from '../http/route';

const ASPIRATION = 'boards/{employeeId}/aspirations/{aspirationId}';

/** Every HTTP endpoint of the API, in one place. Azure registers it; the local host serves it. */
export const routes: RouteDefinition[] = [
  { name: 'health', methods: ['GET'], route: 'health', auth: 'anonymous', handler: getHealth },
  { name: 'me', methods: ['GET'], route: 'me', auth: 'caller', handler: getMe },
  { name: 'team', methods: ['GET'], route: 'team', auth: 'caller', handler: readTeam },
  {
    name: 'chatPair',
    methods: ['GET'],
    route: 'chats/{chatId}/pair',
    auth: 'caller',
    handler: readChatPair,
  },
  {
    name: 'meetingPanel',
    methods: ['GET'],
    route: 'meetings/{chatId}/panel',
    auth: 'caller',
    handler: readMeetingPanel,
  },
  {
    name: 'board',
    methods: ['GET'],
    route: 'boards/{employeeId}',
    auth: 'caller',
    handler: readBoard,
  },
  {
    name: 'history',
    methods: ['GET'],
    route: 'boards/{employeeId}/history',
    auth: 'caller',
    handler: readHistory,
  },
  {
    name: 'notesRead',
    methods: ['GET'],
    route: 'boards/{employeeId}/notes',
    auth: 'caller',
    handler: readPrivateNotes,
  },
  {
    name: 'notesWrite',
    methods: ['PUT'],
    route: 'boards/{employeeId}/notes',
    auth: 'caller',
    handler: writePrivateNotes,
  },
  {
    name: 'aspirationCreate',
    methods: ['POST'],
    route: 'boards/{employeeId}/aspirations',
    auth: 'caller',
    handler: addAspiration,
  },
  {
    name: 'aspirationUpdate',
    methods: ['PATCH'],
    route: ASPIRATION,
    auth: 'caller',
    handler: editAspiration,
  },
  {
    name: 'aspirationDelete',
    methods: ['DELETE'],
    route: ASPIRATION,
    auth: 'caller',
    handler: deleteAspiration,
  },
  {
    name: 'stepCreate',
    methods: ['POST'],
    route: `${ASPIRATION}/steps`,
    auth: 'caller',
    handler: addAspirationStep,
  },
  {
    name: 'stepUpdate',
    methods: ['PATCH'],
    route: `${ASPIRATION}/steps/{stepId}`,
    auth: 'caller',
    handler: editAspirationStep,
  },
  {
    name: 'stepDelete',
    methods: ['DELETE'],
    route: `${ASPIRATION}/steps/{stepId}`,
    auth: 'caller',
    handler: deleteAspirationStep,
  },
  {
    name: 'evidenceCreate',
    methods: ['POST'],
    route: `${ASPIRATION}/evidence`,
    auth: 'caller',
    handler: addAspirationEvidence,
  },
  {
    name: 'evidenceUpdate',
    methods: ['PATCH'],
    route: `${ASPIRATION}/evidence/{evidenceId}`,
    auth: 'caller',
    handler: editAspirationEvidence,
  },
  {
    name: 'evidenceDelete',
    methods: ['DELETE'],
    route: `${ASPIRATION}/evidence/{evidenceId}`,
    auth: 'caller',
    handler: deleteAspirationEvidence,
  },
  {
    name: 'acknowledge',
    methods: ['POST'],
    route: `${ASPIRATION}/acknowledgement`,
    auth: 'caller',
    handler: acknowledgeAspiration,
  },
  {
    name: 'commentCreate',
    methods: ['POST'],
    route: `${ASPIRATION}/comments`,
    auth: 'caller',
    handler: addComment,
  },
  {
    name: 'settingsRead',
    methods: ['GET'],
    route: 'settings',
    auth: 'caller',
    handler: readSettings,
  },
  {
    name: 'settingsWrite',
    methods: ['PUT'],
    route: 'settings',
    auth: 'caller',
    handler: writeSettings,
  },
  {
    name: 'pilotGroupSearch',
    methods: ['GET'],
    route: 'settings/pilot-groups',
    auth: 'caller',
    handler: searchPilotGroups,
  },
  {
    name: 'adoption',
    methods: ['GET'],
    route: 'adoption',
    auth: 'caller',
    handler: readAdoption,
  },
  {
    name: 'unbookedPairs',
    methods: ['GET'],
    route: 'adoption/unbooked',
    auth: 'caller',
    handler: readUnbookedPairs,
  },
  {
    name: 'conversations',
    methods: ['GET'],
    route: 'boards/{employeeId}/conversations',
    auth: 'caller',
    handler: listConversations,
  },
  {
    name: 'conversationUpdate',
    methods: ['PATCH'],
    route: 'boards/{employeeId}/conversations/{conversationId}',
    auth: 'caller',
    handler: updateConversation,
  },
  {
    name: 'conversationSlots',
    methods: ['GET'],
    route: 'boards/{employeeId}/conversations/{conversationId}/slots',
    auth: 'caller',
    handler: readPickSlots,
  },
  {
    name: 'conversationPick',
    methods: ['POST'],
    route: 'boards/{employeeId}/conversations/{conversationId}/pick',
    auth: 'caller',
    handler: pickSlot,
  },
  {
    name: 'myDataExport',
    methods: ['GET'],
    route: 'me/export',
    auth: 'caller',
    handler: exportMyData,
  },
  // Sharing beyond the manager (issue 13): sponsors, mentors, advice, "I will sponsor this".
  {
    name: 'sharesRead',
    methods: ['GET'],
    route: 'boards/{employeeId}/shares',
    auth: 'caller',
    handler: listShares,
  },
  {
    name: 'shareCreate',
    methods: ['POST'],
    route: 'boards/{employeeId}/shares',
    auth: 'caller',
    handler: createShare,
  },
  {
    name: 'shareRevoke',
    methods: ['DELETE'],
    route: 'boards/{employeeId}/shares/{personId}',
    auth: 'caller',
    handler: revokeShare,
  },
  {
    name: 'sharedBoard',
    methods: ['GET'],
    route: 'boards/{employeeId}/shared',
    auth: 'caller',
    handler: readSharedBoard,
  },
  {
    name: 'sharedWithMe',
    methods: ['GET'],
    route: 'shared-with-me',
    auth: 'caller',
    handler: readSharedWithMe,
  },
  {
    name: 'adviceAsk',
    methods: ['POST'],
    route: `${ASPIRATION}/advice`,
    auth: 'caller',
    handler: askAdvice,
  },
  {
    name: 'adviceReply',
    methods: ['POST'],
    route: `${ASPIRATION}/advice/{personId}/replies`,
    auth: 'caller',
    handler: replyAdvice,
  },
  {
    name: 'sponsorshipWrite',
    methods: ['PUT'],
    route: `${ASPIRATION}/sponsorship`,
    auth: 'caller',
    handler: sponsorAspiration,
  },
  {
    name: 'sponsorshipWithdraw',
    methods: ['DELETE'],
    route: `${ASPIRATION}/sponsorship`,
    auth: 'caller',
    handler: withdrawSponsorship,
  },
  {
    name: 'peopleSearch',
    methods: ['GET'],
    route: 'people',
    auth: 'caller',
    handler: searchPeopleRoute,
  },
  {
    name: 'personErase',
    methods: ['DELETE'],
    route: 'people/{personId}/data',
    auth: 'caller',
    handler: erasePerson,
  },
];
