import { Body1, Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { BriefcaseRegular, CalendarLtrRegular, RocketRegular } from '@fluentui/react-icons';
import type { ComponentType } from 'react';

import type { AspirationKind, Horizon } from '@contract/boardContract';
import { firstName } from '../common/format';

/** The three questions that get a career conversation going. */
export const CONVERSATION_STARTERS: {
  id: string;
  title: string;
  prompt: string;
  /** The same question as the manager asks it, about the employee. */
  ask: string;
  horizon: Horizon;
  kind: AspirationKind;
  Icon: ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;
}[] = [
  {
    id: 'plan',
    title: 'Your 1- or 3-year plan',
    prompt:
      'Where do you want to be in a year? In three? Name the role, the expertise, the reputation.',
    ask: 'their 1- or 3-year plan — where they want to be in a year, and in three: the role, the expertise, the reputation.',
    horizon: '1y',
    kind: 'other',
    Icon: CalendarLtrRegular,
  },
  {
    id: 'opportunity',
    title: 'Your next opportunity, position or title',
    prompt: 'The promotion, the move, the title you are aiming for next: say it out loud.',
    ask: 'their next opportunity, position or title — the promotion, the move, the title they are aiming for.',
    horizon: 'next',
    kind: 'title',
    Icon: BriefcaseRegular,
  },
  {
    id: 'project',
    title: 'Your next big project',
    prompt: 'The project you want to lead next, and the skills it will show off.',
    ask: 'their next big project — the project they want to lead, and the skills it would show off.',
    horizon: 'next',
    kind: 'project',
    Icon: RocketRegular,
  },
];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  intro: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '720px',
  },
  starters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  starter: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    gap: tokens.spacingVerticalXS,
    width: '100%',
    height: '100%',
    padding: tokens.spacingHorizontalL,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
  },
  starterIcon: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  starterTitle: { fontWeight: tokens.fontWeightSemibold },
  managerList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface EmptyBoardProps {
  employeeName: string;
  isOwner: boolean;
  onStart(horizon: Horizon, kind: AspirationKind): void;
}

/** An empty board teaches: why to write things down, and three ways to start. */
export function EmptyBoard({ employeeName, isOwner, onStart }: EmptyBoardProps) {
  const styles = useStyles();
  const name = firstName(employeeName);

  if (!isOwner) {
    return (
      <section className={styles.root} aria-labelledby="empty-board-title">
        <div className={styles.intro}>
          <Subtitle1 as="h2" id="empty-board-title">
            {`${name} hasn’t written any aspirations yet`}
          </Subtitle1>
          <Body1>{`Nobody should have to guess. In your next 1:1, ask ${name} about:`}</Body1>
          <ul className={styles.managerList}>
            {CONVERSATION_STARTERS.map((starter) => (
              <li key={starter.id}>
                <Body1>{starter.ask}</Body1>
              </li>
            ))}
          </ul>
          <Body1>{`When ${name} writes something down, it shows here for you to acknowledge.`}</Body1>
        </div>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-labelledby="empty-board-title">
      <div className={styles.intro}>
        <Subtitle1 as="h2" id="empty-board-title">
          Say what you want next
        </Subtitle1>
        <Body1>
          Your manager can’t read minds, and “everything” isn’t an answer. Write down what you want
          — specifically — and what you are doing about it. Your manager sees this board and can
          acknowledge each item. Start with one of these:
        </Body1>
      </div>
      <ul className={styles.starters}>
        {CONVERSATION_STARTERS.map(({ id, title, prompt, horizon, kind, Icon }) => (
          <li key={id}>
            <Button
              className={styles.starter}
              appearance="outline"
              onClick={() => onStart(horizon, kind)}
            >
              <Icon className={styles.starterIcon} aria-hidden />
              <span className={styles.starterTitle}>{title}</span>
              <span>{prompt}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
