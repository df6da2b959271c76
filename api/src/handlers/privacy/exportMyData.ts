import type { HttpResponseInit } from '@azure/functions';

import { EXPORT_FORMATS } from '../../contract/exportContract';
import type { ExportFormat } from '../../contract/exportContract';
import { exportToMarkdown } from '../../domain/privacy/exportMarkdown';
import { buildExport } from '../../domain/privacy/personalExport';
import { validation } from '../../errors/problem';
import type { CallerRouteInput } from '../../http/route';

/**
 * GET me/export?format=json|md: the caller's own journal to keep (their board, its history, their
 * conversations, the private notes they wrote), as a file download. Only ever the caller's own:
 * there is no id to ask for anyone else's. Works while the account still signs in, i.e. before
 * the person leaves; the retention period after leaving is for restoring an account, not exporting.
 */
export async function exportMyData(input: CallerRouteInput): Promise<HttpResponseInit> {
  const { caller, services, request } = input;
  const format = exportFormat(request.query.get('format'));
  // Reading the board first finishes any change still on its way to the history.
  await services.boards.readBoard(caller.tenantId, caller.userId);
  const me = await services.directory.getPerson(caller.tenantId, caller.userId);
  const person = { id: caller.userId, displayName: me?.displayName ?? caller.displayName };
  const records = await services.personData.exports.read(caller.tenantId, caller.userId);
  const data = buildExport(person, records, services.now());
  const name = `career-board-${data.exportedAt.slice(0, 10)}.${format}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  return format === 'json'
    ? {
        status: 200,
        body: JSON.stringify(data, null, 2),
        headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
      }
    : {
        status: 200,
        body: exportToMarkdown(data),
        headers: { ...headers, 'Content-Type': 'text/markdown; charset=utf-8' },
      };
}

function exportFormat(value: string | null): ExportFormat {
  const format = value ?? 'json';
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw validation(`"format" must be one of ${EXPORT_FORMATS.join(', ')}.`, [
    { path: 'format', message: 'Use json or md.' },
  ]);
}
