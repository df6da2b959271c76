import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { HTMLAttributes } from 'react';

/**
 * The panel look, written once: a column of content on the neutral background with padding and a
 * large radius. Sections, cards and skeletons of them all use it, so they stay alike.
 */
const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  xs: { gap: tokens.spacingVerticalXS },
  s: { gap: tokens.spacingVerticalS },
  m: { gap: tokens.spacingVerticalM },
  thin: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Marks content that only its writer sees, apart from everything the board shares.
  private: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}` },
  none: {},
});

export interface PanelProps extends HTMLAttributes<HTMLElement> {
  /** The element, for its meaning: a labelled `section`, an `article`, a list item. */
  as?: 'div' | 'section' | 'article' | 'li';
  /** The space between the panel's children. */
  gap?: 'xs' | 's' | 'm';
  /** The edge: a thin line, the dashed edge of private content, or none (a placeholder). */
  stroke?: 'thin' | 'private' | 'none';
}

/** A panel; `className` adds only how it sits in its layout (grid column, width, shadow). */
export function Panel({
  as: Element = 'div',
  gap = 'm',
  stroke = 'thin',
  className,
  ...rest
}: PanelProps) {
  const styles = useStyles();
  return (
    <Element
      {...rest}
      className={mergeClasses(styles.panel, styles[gap], styles[stroke], className)}
    />
  );
}
