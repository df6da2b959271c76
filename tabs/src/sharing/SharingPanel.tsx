import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import type { AspirationView, BoardPerson } from '@contract/boardContract';
import type { Relationship, SharesView } from '@contract/sharingContract';
import { describeProblem } from '../api/describeProblem';
import { Panel } from '../common/Panel';
import { useSession } from '../common/session';
import { AdviceThread } from './AdviceThread';
import { PersonPicker } from './PersonPicker';

/**
 * The employee's "who can see what": every share with what it covers, revoked in one action; a
 * form to share the whole board or chosen aspirations with a sponsor or mentor; and the advice
 * asked on the board, with the answers and a box to reply.
 */

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  choices: { display: 'flex', flexDirection: 'column' },
});

type Scope = 'board' | 'chosen';

export function SharingPanel({
  employeeId,
  aspirations,
}: {
  employeeId: string;
  aspirations: AspirationView[];
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [view, setView] = useState<SharesView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [person, setPerson] = useState<BoardPerson | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('sponsor');
  const [scope, setScope] = useState<Scope>('board');
  const [chosen, setChosen] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [formError, setFormError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      setView(await api.shares(employeeId));
      setProblem(null);
    } catch (failure) {
      setProblem(describeProblem(failure).message);
    }
  }, [api, employeeId]);
  useEffect(() => void reload(), [reload]);

  const titleOf = (id: string) =>
    aspirations.find((a) => a.id === id)?.title ?? 'A deleted aspiration';

  async function share() {
    if (!person) return setFormError('Find and choose the person to share with.');
    if (scope === 'chosen' && chosen.length === 0)
      return setFormError('Choose at least one aspiration, or share the whole board.');
    try {
      await api.share(employeeId, {
        personId: person.id,
        relationship,
        aspirationIds: scope === 'board' ? null : chosen,
      });
      setStatus(`Shared with ${person.displayName}.`);
      setPerson(null);
      setChosen([]);
      setFormError(undefined);
      await reload();
    } catch (failure) {
      setFormError(describeProblem(failure).message);
    }
  }

  async function revoke(who: BoardPerson) {
    try {
      await api.revokeShare(employeeId, who.id);
      setStatus(`${who.displayName} can no longer see your board.`);
      await reload();
    } catch (failure) {
      setStatus(describeProblem(failure).message);
    }
  }

  return (
    <Panel as="section" aria-labelledby="sharing-title" data-testid="sharing-panel">
      <Text as="h2" id="sharing-title" size={400} weight="semibold">
        Sharing
      </Text>
      <span role="status" aria-live="polite">
        <Caption1>{status}</Caption1>
      </span>
      {problem ? <Body1 role="alert">{`Sharing could not be loaded: ${problem}`}</Body1> : null}
      <Text as="h3" size={300} weight="semibold">
        Who can see what
      </Text>
      {view && view.shares.length === 0 ? (
        <Body1>Only you and your manager see your board.</Body1>
      ) : null}
      <ul className={styles.list} aria-label="People you share with">
        {view?.shares.map((s) => (
          <li key={s.person.id} className={styles.row}>
            <div className={styles.who}>
              <Body1>{`${s.person.displayName} (${s.relationship})`}</Body1>
              <Caption1>
                {s.aspirationIds === null
                  ? 'Sees your whole board, without notes or comments'
                  : `Sees: ${s.aspirationIds.map(titleOf).join(', ') || 'nothing any more'}`}
              </Caption1>
            </div>
            <Button
              onClick={() => void revoke(s.person)}
              aria-label={`Revoke ${s.person.displayName}’s access`}
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <Text as="h3" size={300} weight="semibold">
        Share with a sponsor or mentor
      </Text>
      <div className={styles.form}>
        <PersonPicker label="Colleague" value={person} onChange={setPerson} />
        <Field label="As">
          <RadioGroup
            layout="horizontal"
            value={relationship}
            onChange={(_, d) => setRelationship(d.value as Relationship)}
          >
            <Radio value="sponsor" label="Sponsor" />
            <Radio value="mentor" label="Mentor" />
          </RadioGroup>
        </Field>
        <Field label="What they see">
          <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as Scope)}>
            <Radio value="board" label="My whole board" />
            <Radio value="chosen" label="Chosen aspirations" />
          </RadioGroup>
        </Field>
        {scope === 'chosen' ? (
          <div className={styles.choices} role="group" aria-label="Aspirations to share">
            {aspirations.map((a) => (
              <Checkbox
                key={a.id}
                label={a.title}
                checked={chosen.includes(a.id)}
                onChange={(_, d) =>
                  setChosen((c) => (d.checked ? [...c, a.id] : c.filter((id) => id !== a.id)))
                }
              />
            ))}
          </div>
        ) : null}
        {formError ? <Body1 role="alert">{formError}</Body1> : null}
        <div>
          <Button appearance="primary" onClick={() => void share()}>
            Share
          </Button>
        </div>
      </div>
      {view && view.advice.length > 0 ? (
        <>
          <Text as="h3" size={300} weight="semibold">
            Advice
          </Text>
          <ul className={styles.list} aria-label="Advice on your aspirations">
            {view.advice.map((t) => (
              <li key={`${t.aspirationId}-${t.person.id}`}>
                <Text weight="semibold">{`${t.person.displayName} on “${titleOf(t.aspirationId)}”`}</Text>
                <AdviceThread
                  thread={t}
                  answerLabel={`Reply to ${t.person.displayName}`}
                  onSend={async (text) => {
                    await api.replyAdvice(employeeId, t.aspirationId, t.person.id, text);
                    await reload();
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}
