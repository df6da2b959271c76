import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared by the board and its skeleton, so the loaded board lands exactly where the skeleton was. */
export const boardLayoutStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '1600px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    '@media (min-width: 640px)': {
      padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    },
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minHeight: '56px',
  },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalXL,
    alignItems: 'start',
    '@media (min-width: 1360px)': { gridTemplateColumns: 'minmax(0, 1fr) 340px' },
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  side: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
    minWidth: 0,
    '@media (min-width: 1360px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});
