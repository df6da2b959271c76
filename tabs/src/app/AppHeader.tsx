import {
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { PersonSwapRegular, TargetArrowRegular } from '@fluentui/react-icons';
import { Suspense, lazy } from 'react';

import type { HeaderTab } from './HeaderTabs';
import { useFirstScreenPainted } from '../common/firstPaint';
import { useSession } from '../common/session';
import type { AppRoute } from '../routing/routes';

// After the board's first paint (or at once on other screens): the board does not wait for them.
const HeaderTabs = lazy(() => import('./HeaderTabs.js').then((m) => ({ default: m.HeaderTabs })));
const HeaderAvatar = lazy(() =>
  import('./HeaderTabs.js').then((m) => ({ default: m.HeaderAvatar })),
);

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
  // The tab list's height while it loads, so the header does not grow under the reader.
  nav: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: '44px',
    // Phones: the tabs take a row of their own and wrap onto a second one.
    '@media (max-width: 600px)': { flexBasis: '100%', minHeight: '88px' },
  },
  // While the tabs load: about the width they take on one row, so the header wraps where it will.
  tabsPlaceholder: { display: 'block', maxWidth: '100%' },
  twoTabs: { width: '280px' },
  threeTabs: { width: '400px' },
  fourTabs: { width: '520px' },
  avatar: {
    width: '28px',
    height: '28px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
  },
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
  const painted = useFirstScreenPainted();
  const showChrome = painted || route.name !== 'board';
  const tabCount = 2 + (me.directReports.length > 0 ? 1 : 0) + (me.isAdmin ? 1 : 0);
  const tabsPlaceholder = (
    <span
      className={mergeClasses(
        styles.tabsPlaceholder,
        tabCount === 2 ? styles.twoTabs : tabCount === 3 ? styles.threeTabs : styles.fourTabs,
      )}
      aria-hidden
    />
  );
  const avatarPlaceholder = <span className={styles.avatar} aria-hidden />;
  const selected: HeaderTab =
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
        {showChrome ? (
          <Suspense fallback={tabsPlaceholder}>
            <HeaderTabs
              selected={selected}
              isManager={me.directReports.length > 0}
              isAdmin={me.isAdmin}
            />
          </Suspense>
        ) : (
          tabsPlaceholder
        )}
      </nav>
      <div className={styles.user} data-testid="signed-in-user">
        {showChrome ? (
          <Suspense fallback={avatarPlaceholder}>
            <HeaderAvatar name={me.displayName} />
          </Suspense>
        ) : (
          avatarPlaceholder
        )}
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
