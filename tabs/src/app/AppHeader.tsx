import {
  Avatar,
  Button,
  Caption1,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  BoardRegular,
  EyeRegular,
  PeopleTeamRegular,
  PersonSwapRegular,
  SettingsRegular,
  TargetArrowRegular,
} from '@fluentui/react-icons';

import { useSession } from '../common/session';
import { hrefFor } from '../routing/routes';
import type { AppRoute } from '../routing/routes';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    minHeight: '48px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  brandIcon: { fontSize: '20px', color: tokens.colorBrandForeground1 },
  nav: { flexGrow: 1, minWidth: 0 },
  // Phones: with four screens the tabs take two rows rather than run off the edge.
  tabs: { flexWrap: 'wrap' },
  user: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginLeft: 'auto',
    // Phones: who you are gets a row of its own under the app name and tabs.
    '@media (max-width: 600px)': {
      width: '100%',
      marginLeft: 0,
      paddingBottom: tokens.spacingVerticalXS,
    },
  },
  switchUser: { marginLeft: 'auto', flexShrink: 0 },
  who: { display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
});

/** App name, the screens (Settings for admins only), and who you are (with "Switch user" in local mode). */
export function AppHeader({ route }: { route: AppRoute }) {
  const styles = useStyles();
  const { me, switchUser } = useSession();
  const isManager = me.directReports.length > 0;
  const selected =
    route.name === 'settings'
      ? 'settings'
      : route.name === 'shared'
        ? 'shared'
        : route.name === 'team' ||
            (route.name === 'board' && route.employeeId && route.employeeId !== me.id)
          ? 'team'
          : 'board';

  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <TargetArrowRegular className={styles.brandIcon} aria-hidden />
        <Text weight="semibold" size={400}>
          Career Board
        </Text>
      </div>
      <nav className={styles.nav} aria-label="Career Board">
        <TabList
          className={styles.tabs}
          selectedValue={selected}
          onTabSelect={(_, data) => {
            window.location.hash = hrefFor(
              data.value === 'team'
                ? { name: 'team' }
                : data.value === 'settings'
                  ? { name: 'settings' }
                  : data.value === 'shared'
                    ? { name: 'shared', employeeId: null }
                    : { name: 'board', employeeId: null },
            );
          }}
        >
          <Tab value="board" icon={<BoardRegular />}>
            My board
          </Tab>
          {isManager ? (
            <Tab value="team" icon={<PeopleTeamRegular />}>
              My team
            </Tab>
          ) : null}
          <Tab value="shared" icon={<EyeRegular />}>
            Shared with me
          </Tab>
          {me.isAdmin ? (
            <Tab value="settings" icon={<SettingsRegular />}>
              Settings
            </Tab>
          ) : null}
        </TabList>
      </nav>
      <div className={styles.user} data-testid="signed-in-user">
        <Avatar name={me.displayName} size={28} aria-hidden />
        <div className={styles.who}>
          <Text size={200} weight="semibold">
            {switchUser ? `Signed in as ${me.displayName}` : me.displayName}
          </Text>
          <Caption1>
            {me.manager ? `Reports to ${me.manager.displayName}` : 'No manager in the org chart'}
          </Caption1>
        </div>
        {switchUser ? (
          <Button
            className={styles.switchUser}
            appearance="subtle"
            size="small"
            icon={<PersonSwapRegular />}
            onClick={switchUser}
          >
            Switch user
          </Button>
        ) : null}
      </div>
    </header>
  );
}
