import {
  Avatar,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TargetArrowRegular } from '@fluentui/react-icons';
import { useState } from 'react';

import { groupForPicker } from './signInGroups';
import { fetchDevUsers, mintLocalToken } from '../auth/localIdentity';
import type { DevUser } from '../auth/localIdentity';
import type { LocalSignIn } from '../auth/localSession';
import { describeProblem } from '../api/describeProblem';
import { RetryButton } from '../common/ProblemState';
import { useScreenReaderOnly } from '../common/srOnly';
import { useLoad } from '../common/useLoad';

const useStyles = makeStyles({
  page: {
    maxWidth: '1100px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    boxSizing: 'border-box',
  },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorBrandForeground1,
  },
  title: { margin: 0 },
  search: { maxWidth: '360px' },
  tenant: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  team: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  teamTitle: { margin: 0 },
  people: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 240px), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  person: {
    width: '100%',
    justifyContent: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    minHeight: '60px',
  },
  personText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  personName: { fontWeight: tokens.fontWeightSemibold },
  skeleton: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 240px), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  skeletonItem: { height: '60px' },
});

type Load =
  { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; users: DevUser[] };

export interface SignInAsPageProps {
  devServicesUrl: string;
  onSignedIn(signIn: LocalSignIn): void;
}

/** Local mode only: pick a person from the demo organisation and use the app as them. */
export function SignInAsPage({ devServicesUrl, onSignedIn }: SignInAsPageProps) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [search, setSearch] = useState('');
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const retry = useLoad(() => fetchDevUsers(devServicesUrl), [devServicesUrl], {
    loaded: (users) => setLoad({ kind: 'ready', users }),
    failed: (error) => setLoad({ kind: 'failed', error }),
  });

  async function choose(user: DevUser) {
    setSigningIn(user.id);
    setFailure(null);
    try {
      await mintLocalToken(devServicesUrl, user.id);
      onSignedIn({ userId: user.id, displayName: user.displayName });
    } catch (error) {
      setFailure(error);
      setSigningIn(null);
    }
  }

  const tenants = load.kind === 'ready' ? groupForPicker(load.users, search) : [];
  const problem =
    load.kind === 'failed'
      ? describeProblem(load.error)
      : failure
        ? describeProblem(failure)
        : null;

  return (
    <main className={styles.page}>
      <div className={styles.intro}>
        <div className={styles.brand}>
          <TargetArrowRegular fontSize={24} aria-hidden />
          <Text weight="semibold">Career Board · local demo</Text>
        </div>
        <Text as="h1" size={700} weight="semibold" className={styles.title}>
          Sign in as
        </Text>
        <Body1>
          You are running Career Board on your machine, outside Teams. Pick someone from the demo
          organisation to use the app as them. In Teams, you are signed in with your own account
          instead.
        </Body1>
      </div>
      {problem ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{problem.title}</MessageBarTitle>
            {problem.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {load.kind === 'failed' ? (
        <div>
          <RetryButton
            onRetry={() => {
              setLoad({ kind: 'loading' });
              retry();
            }}
          />
        </div>
      ) : null}
      {load.kind === 'loading' ? (
        <div role="status">
          <span className={srOnly.root}>Loading the demo organisation…</span>
          <Skeleton aria-hidden className={styles.skeleton}>
            {Array.from({ length: 9 }, (_, i) => (
              <SkeletonItem key={i} className={styles.skeletonItem} />
            ))}
          </Skeleton>
        </div>
      ) : null}
      {load.kind === 'ready' ? (
        <>
          <Field className={styles.search} label="Find a person">
            <SearchBox
              value={search}
              onChange={(_, data) => setSearch(data.value)}
              placeholder="Name, title or team"
            />
          </Field>
          {tenants.length === 0 ? <Body1>Nobody matches “{search}”.</Body1> : null}
          {tenants.map((tenant) => (
            <section
              key={tenant.tenantId}
              className={styles.tenant}
              aria-labelledby={`tenant-${tenant.tenantId}`}
            >
              <Text
                as="h2"
                size={500}
                weight="semibold"
                id={`tenant-${tenant.tenantId}`}
                className={styles.title}
              >
                {tenant.label}
              </Text>
              {tenant.teams.map((team) => (
                <div key={team.managerId ?? 'top'} className={styles.team}>
                  <Text as="h3" size={300} weight="semibold" className={styles.teamTitle}>
                    {team.label}
                  </Text>
                  <ul className={styles.people}>
                    {team.people.map((person) => (
                      <li key={person.id}>
                        <Button
                          className={styles.person}
                          appearance="secondary"
                          disabled={signingIn !== null}
                          onClick={() => void choose(person)}
                          aria-label={`Sign in as ${person.displayName}${person.jobTitle ? `, ${person.jobTitle}` : ''}`}
                        >
                          <Avatar name={person.displayName} color="colorful" aria-hidden />
                          <span className={styles.personText}>
                            <span className={styles.personName}>{person.displayName}</span>
                            <Caption1>
                              {signingIn === person.id ? 'Signing in…' : (person.jobTitle ?? '')}
                            </Caption1>
                          </span>
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </>
      ) : null}
    </main>
  );
}
