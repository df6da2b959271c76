import {
  Field,
  SearchBox,
  Select,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

import { FILTER_TEXT, SORT_TEXT, TEAM_FILTERS, TEAM_SORTS } from './teamLogic';
import type { TeamFilter, TeamQuery, TeamSort } from './teamLogic';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: '360px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // Pushed to the right edge, so the toolbar spans the same width as the table under it.
  sort: { minWidth: '200px', marginLeft: 'auto' },
});

export interface TeamToolbarProps {
  query: TeamQuery;
  counts: Record<TeamFilter, number>;
  onChange(query: TeamQuery): void;
}

/** Search, filter and sort the team. */
export function TeamToolbar({ query, counts, onChange }: TeamToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field className={styles.search} label="Search">
        <SearchBox
          value={query.search}
          placeholder="Name, title or aspiration"
          onChange={(_, data) => onChange({ ...query, search: data.value })}
        />
      </Field>
      <div className={styles.filters} role="group" aria-label="Show">
        {TEAM_FILTERS.map((filter) => (
          <ToggleButton
            key={filter}
            checked={query.filter === filter}
            appearance={query.filter === filter ? 'primary' : 'secondary'}
            shape="circular"
            onClick={() => onChange({ ...query, filter })}
          >
            {`${FILTER_TEXT[filter]} (${counts[filter]})`}
          </ToggleButton>
        ))}
      </div>
      <Field className={styles.sort} label="Sort by">
        <Select
          value={query.sort}
          onChange={(_, data) => onChange({ ...query, sort: data.value as TeamSort })}
        >
          {TEAM_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_TEXT[sort]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
