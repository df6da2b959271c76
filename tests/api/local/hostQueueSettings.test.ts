import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readQueueHostSettings } from '../../../api/src/local/hostQueueSettings';

/** The local queue host reads host.json's queue settings, with Microsoft's defaults for the rest. */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'career-board-host-json-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hostJson(extensions: unknown): string {
  const path = join(dir, `host-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ version: '2.0', extensions }));
  return path;
}

describe('readQueueHostSettings', () => {
  it("uses Microsoft's documented defaults when host.json says nothing", () => {
    expect(readQueueHostSettings(hostJson({}))).toEqual({
      maxDequeueCount: 5,
      visibilityTimeoutMs: 0,
      batchSize: 16,
      newBatchThreshold: 8,
      maxPollingIntervalMs: 60_000,
      messageEncoding: 'base64',
    });
  });

  it('reads time spans and counts as written', () => {
    const settings = readQueueHostSettings(
      hostJson({
        queues: {
          maxDequeueCount: 3,
          visibilityTimeout: '00:00:30',
          batchSize: 4,
          maxPollingInterval: '00:01:05',
          messageEncoding: 'none',
        },
      }),
    );
    expect(settings).toMatchObject({
      maxDequeueCount: 3,
      visibilityTimeoutMs: 30_000,
      batchSize: 4,
      newBatchThreshold: 2,
      maxPollingIntervalMs: 65_000,
      messageEncoding: 'none',
    });
  });

  it('refuses a batch size Storage does not allow', () => {
    expect(() => readQueueHostSettings(hostJson({ queues: { batchSize: 33 } }))).toThrow();
  });

  it("reads the repository's own host.json: five deliveries, then poison", () => {
    expect(readQueueHostSettings()).toMatchObject({
      maxDequeueCount: 5,
      messageEncoding: 'base64',
    });
  });
});
