import type { Event } from '@microsoft/microsoft-graph-types';

import { MEETING_POLL_SECONDS } from '../api/src/contract/meetingContract';
import type { MeetingPanelView } from '../api/src/contract/meetingContract';
import { buildDemoDirectory, DEMO } from '../api/src/local/demo-org/demoDirectory';
import { meetingChatIdOf } from '../api/src/domain/conversations/meetingChat';
import { conversationId, transactionIdFor } from '../api/src/domain/conversations/records';
import { quarterOf } from '../api/src/domain/scheduling';
import type { Stack } from '../api/src/local/stack';
import { countCosmosRequests, graphStats, resetGraphStats } from './probes';
import { progress } from './progress';
import { withStack } from './stacks';
import { median, round } from './stats';

/**
 * Section 5: what one open meeting side panel costs (tabs/README.md: Live in meetings). The panel
 * polls GET meetings/{chatId}/panel every MEETING_POLL_SECONDS with If-None-Match. Measured on the
 * demo stack with the seeded pair's board: polls while nothing changes (304, no body), polls right
 * after a change (200 with the panel), and, as the baseline, the same poll without If-None-Match
 * (what plain polling would send). Per minute = per poll × polls per minute.
 */

export interface PollFigures {
  polls: number;
  status: number;
  /** Response body bytes (headers not counted: about the same for every answer). */
  bodyBytes: number;
  p50Ms: number;
  p95Ms: number;
  cosmosOpsPerPoll: number;
  graphRequestsPerPoll: number;
}

export interface MeetingSection {
  pollSeconds: number;
  pollsPerMinute: number;
  unchanged: PollFigures;
  changed: PollFigures;
  baselineNoEtag: PollFigures;
  perMinutePerPanel: {
    requests: number;
    /** Nothing changed all minute: every poll a 304. */
    bytesWhenQuiet: number;
    /** One change in the minute: one 200, the rest 304. */
    bytesWithOneChange: number;
    bytesWithoutEtags: number;
    cosmosOps: number;
    graphRequests: number;
  };
}

const POLLS = 60;

export async function benchMeeting(): Promise<MeetingSection> {
  return withStack({ directory: buildDemoDirectory(new Date()) }, async (stack) => {
    const { employee, manager, tenantId } = DEMO.contoso;
    const chatId = await bookMeeting(stack, tenantId, employee, manager);
    const token = await stack.issuer.mintUserToken(stack.orgStore.findUser(manager)!);
    await seedAspirations(stack, employee);
    const cosmos = countCosmosRequests(stack.ports.cosmos);
    const url = `${stack.urls.api}/meetings/${encodeURIComponent(chatId)}/panel`;
    const poll = async (etag: string | null) => {
      const started = performance.now();
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, ...(etag ? { 'If-None-Match': etag } : {}) },
      });
      const body = await response.arrayBuffer();
      return {
        ms: performance.now() - started,
        status: response.status,
        bytes: body.byteLength,
        etag: response.headers.get('ETag'),
        body,
      };
    };

    const first = await poll(null);
    if (first.status !== 200) throw new Error(`The panel answered ${first.status}`);
    const conversation = (JSON.parse(Buffer.from(first.body).toString()) as MeetingPanelView)
      .conversation;
    // Warm: the org chart cache and the SDK's connections, as an open panel's steady state.
    for (let i = 0; i < 5; i++) await poll(first.etag);

    type Sample = Awaited<ReturnType<typeof poll>> & { cosmos: number; graph: number };
    const measure = async (run: () => Promise<Sample>) => {
      const samples: Sample[] = [];
      let cosmosOps = 0;
      let graphRequests = 0;
      for (let i = 0; i < POLLS; i++) {
        const sample = await run();
        samples.push(sample);
        cosmosOps += sample.cosmos;
        graphRequests += sample.graph;
      }
      const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
      return {
        polls: POLLS,
        status: samples[0].status,
        bodyBytes: samples[0].bytes,
        p50Ms: round(median(ms), 1),
        p95Ms: round(ms[Math.ceil(0.95 * ms.length) - 1], 1),
        cosmosOpsPerPoll: round(cosmosOps / POLLS, 2),
        graphRequestsPerPoll: round(graphRequests / POLLS, 2),
      } satisfies PollFigures;
    };
    /** One poll, with the Cosmos and Graph requests it caused (the write before it not counted). */
    const counted = async (etag: string | null) => {
      cosmos.reset();
      await resetGraphStats(stack.urls.dev);
      const sample = await poll(etag);
      return {
        ...sample,
        cosmos: cosmos.count(),
        graph: (await graphStats(stack.urls.dev)).requests,
      };
    };

    progress('meeting: polls while nothing changes');
    const unchanged = await measure(() => counted(first.etag));
    progress('meeting: polls right after a change');
    let etag = first.etag;
    let version = conversation.etag;
    let n = 0;
    const changed = await measure(async () => {
      const saved = await fetch(
        `${stack.urls.api}/boards/${employee}/conversations/${conversation.id}`,
        {
          method: 'PATCH',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'If-Match': version,
          },
          body: JSON.stringify({ sharedNotes: `Change ${(n += 1)}` }),
        },
      );
      version = saved.headers.get('ETag') ?? version;
      const sample = await counted(etag);
      etag = sample.etag;
      return sample;
    });
    progress('meeting: the same poll without If-None-Match (baseline)');
    const baselineNoEtag = await measure(() => counted(null));
    cosmos.stop();

    const pollsPerMinute = 60 / MEETING_POLL_SECONDS;
    return {
      pollSeconds: MEETING_POLL_SECONDS,
      pollsPerMinute,
      unchanged,
      changed,
      baselineNoEtag,
      perMinutePerPanel: {
        requests: pollsPerMinute,
        bytesWhenQuiet: pollsPerMinute * unchanged.bodyBytes,
        bytesWithOneChange: (pollsPerMinute - 1) * unchanged.bodyBytes + changed.bodyBytes,
        bytesWithoutEtags: pollsPerMinute * baselineNoEtag.bodyBytes,
        cosmosOps: round(pollsPerMinute * unchanged.cosmosOpsPerPoll, 1),
        graphRequests: round(pollsPerMinute * unchanged.graphRequestsPerPoll, 1),
      },
    };
  });
}

/** A board of a realistic size: five aspirations with details and steps, as the employee writes. */
async function seedAspirations(stack: Stack, employeeId: string): Promise<void> {
  const token = await stack.issuer.mintUserToken(stack.orgStore.findUser(employeeId)!);
  const horizons = ['next', 'next', '1y', '1y', '3y'];
  for (const [i, horizon] of horizons.entries()) {
    const response = await fetch(`${stack.urls.api}/boards/${employeeId}/aspirations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'project',
        horizon,
        title: `Aspiration ${i + 1}: lead the platform migration`,
        details: 'Own the reliability roadmap, mentor two engineers and present the plan.',
        steps: [{ text: 'Write the RFC' }, { text: 'Pair with the SRE team' }],
      }),
    });
    if (response.status !== 201) throw new Error(`Seeding answered ${response.status}`);
  }
}

/** The pair's conversation booked in a Teams meeting, as the scheduler leaves it. */
async function bookMeeting(
  stack: Stack,
  tenantId: string,
  employeeId: string,
  managerId: string,
): Promise<string> {
  const employee = stack.orgStore.findUser(employeeId)!;
  const event = (await stack.services
    .graphFor(tenantId)
    .api(`/users/${managerId}/events`)
    .post({
      subject: 'Career conversation',
      start: { dateTime: '2026-12-15T15:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-15T15:30:00', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: employee.mail ?? employee.userPrincipalName } }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    })) as Event;
  const joinUrl = event.onlineMeeting?.joinUrl ?? null;
  const chatId = meetingChatIdOf(joinUrl);
  if (!event.id || !chatId) throw new Error('The simulator booked no Teams meeting.');
  const quarter = quarterOf(new Date());
  const base = { tenantId, employeeId, managerId, quarter };
  const now = new Date().toISOString();
  await stack.services.conversations.create({
    type: 'conversation',
    id: conversationId(quarter, managerId),
    pk: `${tenantId}|${employeeId}`,
    ...base,
    reason: 'quarterly',
    status: 'scheduled',
    attempt: 1,
    transactionId: transactionIdFor(base, 1),
    start: '2026-12-15T15:00:00.000Z',
    end: '2026-12-15T15:30:00.000Z',
    event: { id: event.id, joinUrl },
    log: [],
    sharedNotes: '',
    actionItems: [],
    notesRequested: false,
    createdAt: now,
    updatedAt: now,
  });
  return chatId;
}

export function renderMeeting(r: MeetingSection): string[] {
  const m = r.perMinutePerPanel;
  const row = (name: string, f: PollFigures) =>
    `| ${name} | ${f.status} | ${f.bodyBytes} | ${f.p50Ms} / ${f.p95Ms} | ${f.cosmosOpsPerPoll} | ${f.graphRequestsPerPoll} |`;
  return [
    `One open side panel polls every ${r.pollSeconds} s (${r.pollsPerMinute} requests a minute), with If-None-Match.`,
    '',
    '| poll | status | body bytes | p50 / p95 ms | Cosmos ops | Graph requests |',
    '| --- | --- | --- | --- | --- | --- |',
    row('nothing changed', r.unchanged),
    row('after a change', r.changed),
    row('baseline: no If-None-Match', r.baselineNoEtag),
    '',
    `Per minute per open panel: ${m.requests} requests; ${m.bytesWhenQuiet} body bytes when nothing changes, ${m.bytesWithOneChange} with one change, ${m.bytesWithoutEtags} without ETags; ${m.cosmosOps} Cosmos operations and ${m.graphRequests} Graph requests (org chart and chat members, cached per instance).`,
  ];
}
