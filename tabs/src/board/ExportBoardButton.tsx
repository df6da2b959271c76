import {
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';

import type { ExportFormat } from '@contract/exportContract';
import { Panel } from '../common/Panel';
import { useSession } from '../common/session';
import { useNotify } from '../common/useNotify';

const useStyles = makeStyles({
  panel: { alignItems: 'flex-start' },
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
 * "Download my journal" on the employee's own board: their board, history, conversations and the
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
      <Menu positioning="below-start">
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ArrowDownloadRegular />} disabled={busy}>
            Download my journal
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void download('md')}>As a document (Markdown)</MenuItem>
            <MenuItem onClick={() => void download('json')}>As data (JSON)</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </Panel>
  );
}
