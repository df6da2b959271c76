import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared by the team view and its skeleton. */
export const teamLayoutStyles = makeStyles({
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
});
