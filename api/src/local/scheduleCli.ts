import { loadHostConfig, readLocalPorts } from './localConfig';
import { runSchedulePass } from '../scheduler/schedulePass';
import { describeSummary } from '../scheduler/passSummary';
import type { PassSummary } from '../scheduler/passSummary';
import { createServices } from '../services';

/**
 * `npm run schedule`: one scheduling pass now. By default it asks the running local stack to run
 * its timer (so it uses the stack's Cosmos DB and Graph simulator) and prints progress as it
 * comes (the stack plans, its queue workers book); `--in-process` runs the whole pass here, booking
 * included and no queue, against the configured resources (e.g. Azure).
 */
async function main(): Promise<void> {
  const started = Date.now();
  let summary: PassSummary;
  if (process.argv.includes('--in-process')) {
    const config = loadHostConfig();
    const services = await createServices(config);
    summary = await runSchedulePass(services, { progress: print });
  } else {
    summary = await viaLocalStack();
  }
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Pairs seen      ${summary.pairsSeen}`);
  console.log(`Booked          ${summary.booked}`);
  console.log(`Already booked  ${summary.alreadyBooked}`);
  console.log(`Rebooked        ${summary.rebooked}`);
  console.log(`Held            ${summary.held}`);
  console.log(`Skipped         ${total(summary.skipped)}${reasons(summary.skipped)}`);
  console.log(`Failed          ${total(summary.failed)}${reasons(summary.failed)}`);
  console.log(`Graph requests  ${summary.graphRequests} (org chart ${summary.orgSync.requests})`);
  console.log(
    `Notifications   ${summary.notifications.sent} sent, ${summary.notifications.failed} not delivered`,
  );
  const items = summary.workItems;
  if (items.enqueued > 0)
    console.log(
      `Work items      ${items.done} of ${items.enqueued} booked by the queue workers` +
        (items.poisoned ? `; ${items.poisoned} failed every delivery (poison queue)` : '') +
        (items.deferred ? `; ${items.deferred} waits for a busy mailbox` : ''),
    );
  if (summary.tenantsSkipped > 0)
    console.log(
      `${summary.tenantsSkipped} tenant(s) left alone: another pass is scheduling them right now.`,
    );
  if (summary.stoppedEarly)
    console.log('The pass reached its time budget and stopped cleanly; run it again to carry on.');
  console.log(`\n${describeSummary(summary)}`);
}

async function viaLocalStack(): Promise<PassSummary> {
  const port = readLocalPorts().api;
  const url = `http://localhost:${port}/admin/functions/scheduleConversations`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { Accept: 'application/x-ndjson' } });
  } catch {
    throw new Error(
      `Nothing answers at ${url}. Start the product first with "npm start" (or use --in-process with Azure settings).`,
    );
  }
  if (!response.ok || !response.body)
    throw new Error(`The local stack refused the run: ${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let summary: PassSummary | undefined;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (!line.trim()) continue;
      const message = JSON.parse(line) as { type: string; message?: string; summary?: PassSummary };
      if (message.type === 'progress') print(message.message ?? '');
      else if (message.type === 'summary') summary = message.summary;
      else if (message.type === 'error') throw new Error(`The pass failed: ${message.message}`);
    }
  }
  if (!summary) throw new Error('The pass ended without a summary.');
  return summary;
}

function print(message: string): void {
  console.log(`  ${new Date().toISOString().slice(11, 19)}  ${message}`);
}

const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const reasons = (r: Record<string, number>) =>
  Object.keys(r).length === 0
    ? ''
    : `  (${Object.entries(r)
        .map(([k, v]) => `${v} ${k}`)
        .join('; ')})`;

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
