import {
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { PilotGroup } from '@contract/settingsContract';
import { useSession } from '../common/session';
import { NameSearchPicker } from '../common/NameSearchPicker';

/**
 * The pilot: one Entra security group, found by the start of its name. With none chosen the
 * screen says plainly that Career Board books nobody, which is how every tenant starts.
 */

export const NO_PILOT_TITLE =
  'Choose the pilot group: until then Career Board books no conversations';

export function PilotGroupPicker({
  value,
  savedValue,
  hint,
  error,
  onChange,
}: {
  value: PilotGroup | null;
  /** The group saved now: the warning speaks of what is in force, not of what is typed. */
  savedValue: PilotGroup | null;
  hint?: string;
  error?: string;
  onChange(group: PilotGroup | null): void;
}) {
  const { api } = useSession();
  return (
    <>
      {savedValue === null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{NO_PILOT_TITLE}</MessageBarTitle>
            Pick the Entra security group of the pilot employees and their managers, the same group
            your Exchange admin scoped calendar access to, then save. Members of nested groups
            count.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="Pilot group" hint={hint} validationMessage={error}>
        <Body1>{value ? value.displayName : 'None chosen'}</Body1>
      </Field>
      <NameSearchPicker<PilotGroup>
        search={(typed) => api.searchPilotGroups(typed)}
        label="Find a group by the start of its name"
        button="Search"
        what="Groups"
        noneFound={(text) => `No security group’s name starts with “${text}”.`}
        resultsLabel="Groups found"
        chosenId={value?.id ?? null}
        choiceText={(group) => `Choose ${group.displayName}`}
        onChoose={onChange}
      />
    </>
  );
}
