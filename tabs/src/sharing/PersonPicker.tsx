import { Body1, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { BoardPerson } from '@contract/boardContract';
import { useSession } from '../common/session';
import { useNameSearch } from '../common/useNameSearch';

/**
 * A colleague, found by the start of their name in the organisation's directory (as the settings'
 * pilot picker finds groups). The API refuses anyone who cannot be chosen, and says why.
 */

const useStyles = makeStyles({
  search: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '10em' },
  results: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  choice: { maxWidth: '100%', justifyContent: 'flex-start', textAlign: 'start' },
});

export function PersonPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: BoardPerson | null;
  onChange(person: BoardPerson | null): void;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const {
    text,
    setText,
    state: search,
    find,
    onKeyDown,
  } = useNameSearch((typed) => api.searchPeople(typed));

  return (
    <>
      <div className={styles.search}>
        <Field
          label={label}
          className={styles.grow}
          hint={value ? `Chosen: ${value.displayName}` : undefined}
        >
          <Input
            type="search"
            value={text}
            placeholder="Start of their name"
            onChange={(_, d) => setText(d.value)}
            onKeyDown={onKeyDown}
          />
        </Field>
        <Button
          type="button"
          disabled={text.trim() === '' || search.kind === 'searching'}
          onClick={() => void find()}
        >
          {search.kind === 'searching' ? 'Searching…' : 'Find'}
        </Button>
      </div>
      {search.kind === 'failed' ? (
        <Body1 role="alert">{`People could not be searched: ${search.message}`}</Body1>
      ) : null}
      {search.kind === 'found' && search.results.length === 0 ? (
        <Body1 role="status">{`Nobody’s name starts with “${search.text}”. Check the spelling.`}</Body1>
      ) : null}
      {search.kind === 'found' && search.results.length > 0 ? (
        <ul className={styles.results} aria-label="People found">
          {search.results.map((person) => (
            <li key={person.id}>
              <Button
                type="button"
                className={styles.choice}
                appearance={value?.id === person.id ? 'primary' : 'secondary'}
                aria-pressed={value?.id === person.id}
                onClick={() => onChange(person)}
              >
                {person.jobTitle ? `${person.displayName}, ${person.jobTitle}` : person.displayName}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
