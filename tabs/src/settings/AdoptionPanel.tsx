import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { adoptionShares, adoptionTiles, roundedCount } from './adoptionText';
import { SectionLoadState, useSectionLoad } from './SectionLoad';
import { SettingsSection } from './SettingsSection';
import type { AdoptionView } from '@contract/adoptionContract';
import { useSession } from '../common/session';
import { formatDayAndTime, quarterText } from '../common/format';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  tileLabel: { color: tokens.colorNeutralForeground2 },
  tileValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tileHint: { color: tokens.colorNeutralForeground2, margin: 0 },
  tableWrap: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Counts only: who has said what they want, who was heard, whose conversation is on. */
export function AdoptionPanel() {
  const { api } = useSession();
  const { load, retry } = useSectionLoad(() => api.adoption(), [api]);
  return (
    <SettingsSection title="Adoption">
      <SectionLoadState load={load} what="adoption figures" onRetry={retry} />
      {load.kind === 'ready' ? <Figures view={load.view} /> : null}
    </SettingsSection>
  );
}

function Figures({ view }: { view: AdoptionView }) {
  const styles = useStyles();
  if (view.orgChartSyncedAt === null) {
    return (
      <Caption1 className={styles.muted}>
        No figures yet: Career Board reads your org chart on its first daily scheduling run, then
        counts who takes part. Come back after it has run.
      </Caption1>
    );
  }
  if (view.total === null) {
    return (
      <Caption1 className={styles.muted}>
        {`Fewer than ${view.minimumGroupSize} people are in scope, so no figures are shown: any count would point at a person.`}
      </Caption1>
    );
  }
  return (
    <>
      <Caption1 className={styles.muted}>
        {`${quarterText(view.quarter)}, counts only: no names, no board content. Org chart as read ${formatDayAndTime(view.orgChartSyncedAt)}. Departments under ${view.minimumGroupSize} people are grouped, and every count is rounded up or down to a multiple of ${view.roundingBase} ("fewer than ${view.roundingBase}" may be none), so no figure points at a person.`}
      </Caption1>
      <dl className={styles.tiles}>
        {adoptionTiles(view.total, view.roundingBase).map((tile) => (
          <div key={tile.label} className={styles.tile}>
            <dt>
              <Caption1 className={styles.tileLabel}>{tile.label}</Caption1>
            </dt>
            <dd className={styles.tileValue}>{tile.value}</dd>
            <dd className={styles.tileHint}>
              <Caption1>{tile.hint}</Caption1>
            </dd>
          </div>
        ))}
      </dl>
      {view.sharing ? (
        <Caption1>
          {`Sharing beyond the manager: ${roundedCount(view.sharing.shares, view.roundingBase)} shares with a sponsor or mentor; ${roundedCount(view.sharing.adviceAsked, view.roundingBase)} questions asked for advice, ${roundedCount(view.sharing.adviceAnsweredWithin14Days, view.roundingBase)} answered within 14 days.`}
        </Caption1>
      ) : null}
      {view.departments.length > 0 ? (
        <div className={styles.tableWrap}>
          <Table aria-label="Adoption by department" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Department</TableHeaderCell>
                <TableHeaderCell>People</TableHeaderCell>
                <TableHeaderCell>Said what they want</TableHeaderCell>
                <TableHeaderCell>Heard</TableHeaderCell>
                <TableHeaderCell>Conversation this quarter</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.departments.map((d) => {
                const shares = adoptionShares(d, view.roundingBase);
                return (
                  <TableRow key={d.department ?? '(small groups)'}>
                    <TableCell>{d.department ?? 'Smaller groups together'}</TableCell>
                    <TableCell>{roundedCount(d.people, view.roundingBase)}</TableCell>
                    <TableCell>{shares.withAspirations}</TableCell>
                    <TableCell>{shares.acknowledged}</TableCell>
                    <TableCell>{shares.conversations}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
