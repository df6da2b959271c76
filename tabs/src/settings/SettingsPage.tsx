import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';

import { AdoptionPanel } from './AdoptionPanel';
import { UnbookedPairsPanel } from './UnbookedPairsPanel';
import { PilotGroupPicker } from './PilotGroupPicker';
import { SettingsSection } from './SettingsSection';
import {
  DAY_TEXT,
  FIELD,
  WEEK_DAYS,
  formFieldErrors,
  formFromSettings,
  savedNowHints,
  validateSettings,
} from './settingsForm';
import type { SettingsFormValues } from './settingsForm';
import type { TenantSettingsView } from '@contract/settingsContract';
import { ApiProblem } from '../api/apiProblem';
import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { useSession } from '../common/session';
import { formatDayAndTime } from '../common/format';
import { ProblemState, RetryButton } from '../common/ProblemState';
import { useScreenReaderOnly } from '../common/srOnly';
import { fieldValidation } from '../forms/fieldErrors';
import type { FieldErrors } from '../forms/fieldErrors';
import { useLoad } from '../common/useLoad';
import { isStaleVersion, StaleVersionBar, useStaleVersion } from '../common/StaleVersion';
import type { StaleVersionWords } from '../common/StaleVersion';

/** What the stale-version bar says here (common/StaleVersion.tsx). */
const STALE_WORDS: StaleVersionWords = {
  changed:
    'Another admin saved these settings while you were editing. Your changes are still here: load the latest version, check the differences, then save again.',
  loadedDiffers:
    'Where yours differ, the field shows what is saved now. Keep yours or change them, then save.',
  loadedSame: 'Your settings match what is saved now.',
};

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '880px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    '@media (min-width: 640px)': {
      padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    },
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  number: { width: '160px', maxWidth: '100%' },
  days: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  zone: { flexGrow: 1, minWidth: '220px' },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  skeleton: { height: '180px' },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 0,
    minWidth: 0,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  groupHint: { color: tokens.colorNeutralForeground2 },
  groupError: { color: tokens.colorPaletteRedForeground1 },
});

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; saved: TenantSettingsView };

/** Tenant admins: how and when conversations are booked, and for whom. Never any board content. */
export function SettingsPage() {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const { api, me } = useSession();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const retry = useLoad(() => (me.isAdmin ? api.settings() : null), [api, me.isAdmin], {
    loaded: (saved) => setLoad({ kind: 'ready', saved }),
    failed: (error) => setLoad({ kind: 'failed', error }),
  });

  const forbidden =
    !me.isAdmin ||
    (load.kind === 'failed' && load.error instanceof ApiProblem && load.error.isForbidden);
  if (forbidden) {
    return (
      <ProblemState
        kind="no-access"
        title="Settings are for Career Board admins"
        message="Only a Career Board admin of your organisation can see or change how conversations are booked. Ask your Microsoft 365 admin to assign you the Career Board admin role if you need it."
        actions={<Button onClick={() => (window.location.hash = '#/board')}>Go to My board</Button>}
      />
    );
  }

  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Settings
        </Text>
        <Caption1>
          For your whole organisation: how and when Career Board books the quarterly career
          conversation. Admins never see anyone’s board.
        </Caption1>
      </div>
      <AdoptionPanel />
      <UnbookedPairsPanel />
      {load.kind === 'loading' ? (
        <div role="status">
          <span className={srOnly.root}>Loading settings…</span>
          <Skeleton aria-hidden>
            <SkeletonItem className={styles.skeleton} />
          </Skeleton>
        </div>
      ) : null}
      {load.kind === 'failed' ? (
        <ProblemState
          {...describeProblem(load.error)}
          actions={
            <RetryButton
              onRetry={() => {
                setLoad({ kind: 'loading' });
                retry();
              }}
            />
          }
        />
      ) : null}
      {load.kind === 'ready' ? (
        <SettingsForm saved={load.saved} onSaved={(saved) => setLoad({ kind: 'ready', saved })} />
      ) : null}
    </div>
  );
}

function SettingsForm({
  saved,
  onSaved,
}: {
  saved: TenantSettingsView;
  onSaved(saved: TenantSettingsView): void;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [values, setValues] = useState<SettingsFormValues>(() => formFromSettings(saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const {
    staleVersion: conflict,
    setStaleVersion: setConflict,
    loadLatest: reloadOverStale,
  } = useStaleVersion();
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const hints = conflict === 'loaded' ? savedNowHints(values, saved) : {};
  const dirty = JSON.stringify(values) !== JSON.stringify(formFromSettings(saved));

  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setJustSaved(false);
  };
  const hint = (key: keyof SettingsFormValues, fallback?: string) =>
    hints[key] !== undefined ? `Saved now: ${hints[key]}` : fallback;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const checked = validateSettings(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      const next = await api.saveSettings(checked.value, saved.etag);
      onSaved(next);
      setValues(formFromSettings(next));
      setConflict('none');
      setJustSaved(true);
    } catch (error) {
      if (isStaleVersion(error)) setConflict('stale');
      else {
        setErrors(formFieldErrors(fieldErrorsFromProblem(error)));
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  }

  const loadLatest = () =>
    reloadOverStale(async () => {
      // The typed values stay; the latest version (and its ETag) comes in under them.
      onSaved(await api.settings());
    }, setFailure);

  const problem = failure ? describeProblem(failure) : null;
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <StaleVersionBar
        staleVersion={conflict}
        words={STALE_WORDS}
        differs={Object.keys(hints).length > 0}
        onLoadLatest={() => void loadLatest()}
      />
      {problem ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{`Not saved: ${problem.title}`}</MessageBarTitle>
            {problem.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <SettingsSection title="The quarterly conversation">
        <Body1>Every quarter, for every employee and their manager.</Body1>
        <div className={styles.row}>
          <Field
            label="Meeting length (minutes)"
            {...fieldValidation(errors, FIELD.durationMinutes)}
            hint={hint('durationMinutes', '15 to 120.')}
          >
            <Input
              className={styles.number}
              type="number"
              inputMode="numeric"
              min={15}
              max={120}
              value={values.durationMinutes}
              onChange={(_, d) => set('durationMinutes', d.value)}
            />
          </Field>
          <Field
            label="Most conversations per manager per day"
            {...fieldValidation(errors, FIELD.dailyCap)}
            hint={hint('dailyCap', '1 to 10: spread over days, not back to back.')}
          >
            <Input
              className={styles.number}
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              value={values.dailyCap}
              onChange={(_, d) => set('dailyCap', d.value)}
            />
          </Field>
        </div>
        <Group
          legend="Booking window"
          hint="Which weeks of each quarter conversations are booked in (a quarter has 13)."
          error={errors[FIELD.window]}
        >
          <div className={styles.row}>
            <Field
              label="From week"
              {...fieldValidation(errors, FIELD.startWeek)}
              hint={hint('startWeek')}
            >
              <Input
                className={styles.number}
                type="number"
                inputMode="numeric"
                min={1}
                max={13}
                value={values.startWeek}
                onChange={(_, d) => set('startWeek', d.value)}
              />
            </Field>
            <Field
              label="To week"
              {...fieldValidation(errors, FIELD.endWeek)}
              hint={hint('endWeek')}
            >
              <Input
                className={styles.number}
                type="number"
                inputMode="numeric"
                min={1}
                max={13}
                value={values.endWeek}
                onChange={(_, d) => set('endWeek', d.value)}
              />
            </Field>
          </div>
        </Group>
      </SettingsSection>

      <SettingsSection title="Working hours when a calendar has none">
        <Body1>
          Career Board books inside both people’s working hours from Outlook. For anyone whose
          calendar has none, it uses these.
        </Body1>
        <Group legend="Working days" hint={hint('days')} error={errors[FIELD.days]}>
          <div className={styles.days}>
            {WEEK_DAYS.map((day) => (
              <Checkbox
                key={day}
                label={DAY_TEXT[day]}
                checked={values.days.includes(day)}
                onChange={(_, d) =>
                  set(
                    'days',
                    WEEK_DAYS.filter((x) =>
                      x === day ? d.checked === true : values.days.includes(x),
                    ),
                  )
                }
              />
            ))}
          </div>
        </Group>
        <Group legend="Hours" error={errors[FIELD.hours]}>
          <div className={styles.row}>
            <Field
              label="From"
              {...fieldValidation(errors, FIELD.startTime)}
              hint={hint('startTime')}
            >
              <Input
                type="time"
                value={values.startTime}
                onChange={(_, d) => set('startTime', d.value)}
              />
            </Field>
            <Field label="To" {...fieldValidation(errors, FIELD.endTime)} hint={hint('endTime')}>
              <Input
                type="time"
                value={values.endTime}
                onChange={(_, d) => set('endTime', d.value)}
              />
            </Field>
            <Field
              className={styles.zone}
              label="Time zone"
              {...fieldValidation(errors, FIELD.timeZone)}
              hint={hint('timeZone', 'An IANA time zone, such as Europe/Berlin or UTC.')}
            >
              <Input value={values.timeZone} onChange={(_, d) => set('timeZone', d.value)} />
            </Field>
          </div>
        </Group>
      </SettingsSection>

      <SettingsSection title="When working hours never meet, and days off">
        <Body1>
          A Bengaluru manager and a Seattle report may share no working hour. Career Board then
          books the least inconvenient time inside these limits, local for each person, and
          alternates who starts early. Turned off, or with no time inside them, the manager picks
          from free slots.
        </Body1>
        <Checkbox
          label="Book outside working hours, within these limits"
          checked={values.stretchEnabled}
          onChange={(_, d) => set('stretchEnabled', d.checked === true)}
        />
        <Group legend="Limits, local time" error={errors[FIELD.stretch]}>
          <div className={styles.row}>
            <Field
              label="Not before"
              {...fieldValidation(errors, FIELD.stretchEarliest)}
              hint={hint('stretchEarliest')}
            >
              <Input
                type="time"
                value={values.stretchEarliest}
                onChange={(_, d) => set('stretchEarliest', d.value)}
              />
            </Field>
            <Field
              label="Not after"
              {...fieldValidation(errors, FIELD.stretchLatest)}
              hint={hint('stretchLatest')}
            >
              <Input
                type="time"
                value={values.stretchLatest}
                onChange={(_, d) => set('stretchLatest', d.value)}
              />
            </Field>
          </div>
        </Group>
        <Field
          label="Days off for everyone"
          {...fieldValidation(errors, FIELD.daysOff)}
          hint={hint(
            'daysOff',
            'Nobody is booked on these. Separate with commas: 2027-04-02 for one day, 12-25 for every year.',
          )}
        >
          <Textarea
            resize="vertical"
            value={values.daysOff}
            onChange={(_, d) => set('daysOff', d.value)}
          />
        </Field>
        <Field
          label="Days off per office"
          {...fieldValidation(errors, FIELD.officeDaysOff)}
          hint={hint(
            'officeDaysOff',
            'One office a line, as its Outlook office location starts: "Berlin: 2027-10-03, 12-24".',
          )}
        >
          <Textarea
            resize="vertical"
            value={values.officeDaysOff}
            onChange={(_, d) => set('officeDaysOff', d.value)}
          />
        </Field>
      </SettingsSection>

      <SettingsSection title="Who takes part">
        <PilotGroupPicker
          value={values.pilotGroup}
          savedValue={saved.pilot.group}
          hint={hint('pilotGroup')}
          error={errors[FIELD.pilotGroup]}
          onChange={(group) => set('pilotGroup', group)}
        />
      </SettingsSection>

      <SettingsSection title="People who leave">
        <Field
          label="Days to keep a leaver’s data"
          {...fieldValidation(errors, FIELD.leaverRetentionDays)}
          hint={hint(
            'leaverRetentionDays',
            '7 to 365. Counted from when the account is disabled or deleted; then their board, history and notes are erased.',
          )}
        >
          <Input
            className={styles.number}
            type="number"
            inputMode="numeric"
            min={7}
            max={365}
            value={values.leaverRetentionDays}
            onChange={(_, d) => set('leaverRetentionDays', d.value)}
          />
        </Field>
      </SettingsSection>

      <SettingsSection title="Career Board in chats and meetings">
        <Checkbox
          label="Pin each pair’s board in their 1:1 chat and in their booked meeting"
          checked={values.autoPinning}
          onChange={(_, d) => set('autoPinning', d.checked === true)}
        />
        <Caption1>
          {hint(
            'autoPinning',
            'Off: people add the tab themselves. On: the daily pass adds it for them. Grant the three permissions in the deployment guide (Auto-pinning) first.',
          )}
        </Caption1>
      </SettingsSection>

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={saving || conflict === 'stale' || conflict === 'loading'}
        >
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
        <Caption1 aria-live="polite">
          {dirty
            ? 'Unsaved changes'
            : justSaved
              ? 'Saved'
              : saved.updatedAt && saved.updatedBy
                ? `Last saved by ${saved.updatedBy.displayName}, ${formatDayAndTime(saved.updatedAt)}`
                : 'Never saved: these are the defaults'}
        </Caption1>
      </div>
    </form>
  );
}

/** Several fields under one name (a fieldset), with the message that concerns them together. */
function Group({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      {hint ? <Caption1 className={styles.groupHint}>{hint}</Caption1> : null}
      {children}
      {error ? (
        <Text role="alert" size={200} className={styles.groupError}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
