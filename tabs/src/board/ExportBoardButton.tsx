import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';

import type { ExportFormat } from '@contract/exportContract';
import { Panel } from '../common/Panel';
import { useSession } from '../common/session';
import { useNotify } from '../common/useNotify';

const useStyles = makeStyles({
  panel: { alignItems: 'flex-start' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const FILE_TYPE: Record<ExportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** Hands the text to the browser as a file to save. */
export function saveFile(text: string, format: ExportFormat, today: Date): void {
  const url = URL.createObjectURL(new Blob([text], { type: FILE_TYPE[format] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `career-board-${today.toISOString().slice(0, 10)}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * "Keep a copy" on the employee's own board: their board, history, conversations and the
 * private notes they wrote, to keep (as Markdown to read, or JSON to import elsewhere). Only ever
 * the signed-in person's own: the API has no way to ask for anyone else's.
 */
export function ExportBoardButton() {
  const styles = useStyles();
  const { api } = useSession();
  const { notifyError, notifySuccess } = useNotify();
  const [busy, setBusy] = useState(false);

  const download = async (format: ExportFormat) => {
    setBusy(true);
    try {
      saveFile(await api.exportMyData(format), format, new Date());
      notifySuccess('Your journal is downloaded');
    } catch (error) {
      notifyError(error, 'Couldn’t download your journal');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel
      as="section"
      gap="xs"
      stroke="none"
      className={styles.panel}
      aria-labelledby="export-journal-heading"
    >
      <Text as="h2" weight="semibold" id="export-journal-heading">
        Keep a copy
      </Text>
      <Caption1>
        Your board, its history, your conversations and your own notes, to keep when you move on.
      </Caption1>
      {/* Two buttons rather than a menu: Fluent's menu and its positioning would otherwise join
          the first visit's download (bundle budget, tests/e2e/bundleBudget.e2e.test.ts). */}
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void download('md')}>
          Download as a document (Markdown)
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={busy}
          onClick={() => void download('json')}
        >
          Download as data (JSON)
        </Button>
      </div>
    </Panel>
  );
}
