import { Text, makeStyles } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReactNode } from 'react';

import { Panel } from '../common/Panel';

const useStyles = makeStyles({
  section: { minWidth: 0 },
  title: { margin: 0 },
});

/** One titled panel of the settings screen; its heading names the region for assistive tech. */
export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <Panel as="section" className={styles.section} aria-labelledby={id}>
      <Text as="h2" id={id} size={400} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {children}
    </Panel>
  );
}
