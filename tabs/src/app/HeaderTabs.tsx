import { Avatar, Tab, TabList, makeStyles } from '@fluentui/react-components';
import {
  BoardRegular,
  EyeRegular,
  PeopleTeamRegular,
  SettingsRegular,
} from '@fluentui/react-icons';

import { hrefFor } from '../routing/routes';

/** Which tab is lit: the screen, with a report's board counted as part of My team. */
export type HeaderTab = 'board' | 'team' | 'shared' | 'settings';

const useStyles = makeStyles({
  // Phones: with four screens the tabs take two rows rather than run off the edge.
  tabs: { flexWrap: 'wrap' },
});

/**
 * The header's screens (Settings for admins only): a chunk of its own, with Fluent's tab list and
 * its keyboard navigation, loaded once the first screen is on screen (AppHeader.tsx).
 */
export function HeaderTabs({
  selected,
  isManager,
  isAdmin,
}: {
  selected: HeaderTab;
  isManager: boolean;
  isAdmin: boolean;
}) {
  const styles = useStyles();
  return (
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
      {isAdmin ? (
        <Tab value="settings" icon={<SettingsRegular />}>
          Settings
        </Tab>
      ) : null}
    </TabList>
  );
}

/** The signed-in person's initials, in the same chunk as the tabs. */
export function HeaderAvatar({ name }: { name: string }) {
  return <Avatar name={name} size={28} aria-hidden />;
}
