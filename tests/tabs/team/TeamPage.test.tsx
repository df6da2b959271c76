import { fireEvent, screen, within } from '@testing-library/react';

import { TeamPage } from '../../../tabs/src/team/TeamPage';
import { aMe, aMember, MANAGER } from '../fixtures';
import { fakeApi, renderWithSession } from '../renderWithSession';

const members = [
  aMember({
    id: 'nia',
    displayName: 'Nia Adeyemi',
    flags: ['needs-acknowledgement'],
    latestByHorizon: { next: 'Staff engineer', '1y': null, '3y': null },
  }),
  aMember({
    id: 'mateo',
    displayName: 'Mateo Rossi',
    flags: ['no-aspirations'],
    counts: { aspirations: 0, needsAcknowledgement: 0, changedSinceAcknowledged: 0 },
  }),
  aMember({ id: 'hannah', displayName: 'Hannah Schulz', flags: [] }),
  aMember({
    id: 'omar',
    displayName: 'Omar Haddad',
    nextConversation: {
      id: 'c1',
      start: '2026-12-08T15:00:00Z',
      end: '2026-12-08T15:30:00Z',
      status: 'scheduled',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/omar',
    },
  }),
];

function renderTeam() {
  const api = fakeApi({ team: async () => ({ manager: MANAGER, members, nextCursor: null }) });
  renderWithSession(<TeamPage />, { api, me: aMe({ ...MANAGER, directReports: members }) });
}

describe('My team', () => {
  test('lists every report with a link to their board and their flags as badges', async () => {
    renderTeam();
    const link = await screen.findByRole('link', { name: 'Nia Adeyemi' });
    expect(link.getAttribute('href')).toBe('#/board/nia');
    expect(screen.getAllByTestId('team-member')).toHaveLength(4);
    expect(screen.getByText('Needs acknowledgement')).toBeTruthy();
    expect(screen.getByText('No aspirations')).toBeTruthy();
    expect(screen.getByText('Staff engineer')).toBeTruthy();
  });

  test('"needs acknowledgement" shows only those reports, first by default', async () => {
    renderTeam();
    await screen.findByRole('link', { name: 'Nia Adeyemi' });
    expect(screen.getAllByTestId('team-member')[0].textContent).toContain('Nia Adeyemi');
    fireEvent.click(screen.getByRole('button', { name: 'Needs acknowledgement (1)' }));
    const rows = screen.getAllByTestId('team-member');
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByRole('link').textContent).toBe('Nia Adeyemi');
    expect(screen.getByText('Showing 1 of 4')).toBeTruthy();
  });

  test('search narrows the list and an empty result offers a way back', async () => {
    renderTeam();
    const search = await screen.findByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'hannah' } });
    expect(screen.getAllByTestId('team-member')).toHaveLength(1);
    fireEvent.change(search, { target: { value: 'nobody like this' } });
    expect(screen.getByText('Nobody matches')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(screen.getAllByTestId('team-member')).toHaveLength(4);
  });

  test('a report who has never had a conversation reads as neutral, not overdue; a booked one offers Join', async () => {
    renderTeam();
    const hannah = (await screen.findAllByTestId('team-member')).find((row) =>
      row.textContent?.includes('Hannah Schulz'),
    )!;
    expect(within(hannah).getByText('No conversation yet')).toBeTruthy();
    expect(within(hannah).getByText('Not booked yet')).toBeTruthy();
    expect(within(hannah).getByText('All good')).toBeTruthy();
    expect(within(hannah).queryByText(/overdue/i)).toBeNull();

    const join = screen.getByRole('link', { name: 'Join in Teams: conversation with Omar Haddad' });
    expect(join.getAttribute('href')).toBe('https://teams.microsoft.com/l/meetup-join/omar');
    expect(join.textContent).toBe('Join in Teams');
  });
});
