import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PilotGroup } from '@contract/settingsContract';
import { useSession } from '../common/session';
import { useNameSearch } from '../common/useNameSearch';

/**
 * The pilot: one Entra security group, found by the start of its name. With none chosen the
 * screen says plainly that Career Board books nobody, which is how every tenant starts.
 */

export const NO_PILOT_TITLE =
  'Choose the pilot group: until then Career Board books no conversations';

const useStyles = makeStyles({
  search: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  results: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

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
  const styles = useStyles();
  const { api } = useSession();
  // Enter searches here rather than saving the whole settings form.
  const {
    text,
    setText,
    state: search,
    find,
    onKeyDown,
  } = useNameSearch((typed) => api.searchPilotGroups(typed));

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
      <div className={styles.search}>
        <Field label="Find a group by the start of its name">
          <Input
            type="search"
            value={text}
            onChange={(_, d) => setText(d.value)}
            onKeyDown={onKeyDown}
          />
        </Field>
        <Button
          type="button"
          disabled={text.trim() === '' || search.kind === 'searching'}
          onClick={() => void find()}
        >
          {search.kind === 'searching' ? 'Searching…' : 'Search'}
        </Button>
      </div>
      {search.kind === 'failed' ? (
        <Body1 role="alert">{`Groups could not be searched: ${search.message}`}</Body1>
      ) : null}
      {search.kind === 'found' && search.results.length === 0 ? (
        <Body1 role="status">{`No security group’s name starts with “${search.text}”.`}</Body1>
      ) : null}
      {search.kind === 'found' && search.results.length > 0 ? (
        <ul className={styles.results} aria-label="Groups found">
          {search.results.map((group) => (
            <li key={group.id}>
              <Button
                type="button"
                appearance={value?.id === group.id ? 'primary' : 'secondary'}
                aria-pressed={value?.id === group.id}
                onClick={() => onChange(group)}
              >
                {`Choose ${group.displayName}`}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
