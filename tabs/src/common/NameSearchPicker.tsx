import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';

import { useNameSearch } from './useNameSearch';

/**
 * A directory picker by the start of a name (the pilot group, a colleague to share with or ask):
 * the search field and button, what went wrong or found nothing, and one button per result.
 */

const useStyles = makeStyles({
  search: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  wrap: { flexWrap: 'wrap' },
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

export function NameSearchPicker<T extends { id: string }>({
  search,
  label,
  hint,
  placeholder,
  button,
  what,
  noneFound,
  resultsLabel,
  chosenId,
  choiceText,
  onChoose,
  wide = false,
}: {
  search(text: string): Promise<T[]>;
  label: string;
  hint?: string;
  placeholder?: string;
  /** The search button's words. */
  button: string;
  /** What is searched, as a plural noun starting a sentence ("People"). */
  what: string;
  noneFound(text: string): string;
  resultsLabel: string;
  chosenId: string | null;
  choiceText(item: T): string;
  onChoose(item: T): void;
  /** Let the field take the row and wrap under narrow widths; results align left. */
  wide?: boolean;
}) {
  const styles = useStyles();
  // Enter searches here rather than submitting the form around it.
  const { text, setText, state, find, onKeyDown } = useNameSearch(search);
  return (
    <>
      <div className={mergeClasses(styles.search, wide && styles.wrap)}>
        <Field label={label} className={wide ? styles.grow : undefined} hint={hint}>
          <Input
            type="search"
            value={text}
            placeholder={placeholder}
            onChange={(_, d) => setText(d.value)}
            onKeyDown={onKeyDown}
          />
        </Field>
        <Button
          type="button"
          disabled={text.trim() === '' || state.kind === 'searching'}
          onClick={() => void find()}
        >
          {state.kind === 'searching' ? 'Searching…' : button}
        </Button>
      </div>
      {state.kind === 'failed' ? (
        <Body1 role="alert">{`${what} could not be searched: ${state.message}`}</Body1>
      ) : null}
      {state.kind === 'found' && state.results.length === 0 ? (
        <Body1 role="status">{noneFound(state.text)}</Body1>
      ) : null}
      {state.kind === 'found' && state.results.length > 0 ? (
        <ul className={styles.results} aria-label={resultsLabel}>
          {state.results.map((item) => (
            <li key={item.id}>
              <Button
                type="button"
                className={wide ? styles.choice : undefined}
                appearance={chosenId === item.id ? 'primary' : 'secondary'}
                aria-pressed={chosenId === item.id}
                onClick={() => onChoose(item)}
              >
                {choiceText(item)}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
