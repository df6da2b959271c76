import { deepLinkRoute, hrefFor, parseRoute } from '../../../tabs/src/routing/routes';

describe('hash routes', () => {
  test.each([
    ['', { name: 'board', employeeId: null }],
    ['#/', { name: 'board', employeeId: null }],
    ['#/board', { name: 'board', employeeId: null }],
    ['#/board/abc-123', { name: 'board', employeeId: 'abc-123' }],
    ['#/team', { name: 'team' }],
    ['#/settings', { name: 'settings' }],
    ['#/config', { name: 'config' }],
    ['#/chat/abc-123', { name: 'chat', employeeId: 'abc-123' }],
    ['#/board/abc?x=1', { name: 'board', employeeId: 'abc' }],
  ])('%s opens the right screen', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  test('unknown paths are reported, not guessed', () => {
    expect(parseRoute('#/settings/x')).toEqual({ name: 'not-found', path: '/settings/x' });
    expect(parseRoute('#/chat')).toEqual({ name: 'not-found', path: '/chat' });
  });

  test('links round-trip, with ids encoded', () => {
    const route = { name: 'chat', employeeId: 'a b/c' } as const;
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});

describe('a Teams deep link with a page context', () => {
  const nia = '3f0c7a52-1b9e-4d3a-9c71-0a8e5b2d4f16';

  it('opens the board of the person it names, from My team or the default board', () => {
    expect(deepLinkRoute({ name: 'team' }, nia)).toEqual({ name: 'board', employeeId: nia });
    expect(deepLinkRoute({ name: 'board', employeeId: null }, nia)).toEqual({
      name: 'board',
      employeeId: nia,
    });
  });

  it('leaves every other screen, and anything that is not a person id, alone', () => {
    expect(deepLinkRoute({ name: 'team' }, null)).toBeNull();
    expect(deepLinkRoute({ name: 'team' }, 'javascript:alert(1)')).toBeNull();
    expect(deepLinkRoute({ name: 'team' }, `${nia}/history`)).toBeNull();
    expect(deepLinkRoute({ name: 'settings' }, nia)).toBeNull();
    expect(deepLinkRoute({ name: 'chat', employeeId: nia }, nia)).toBeNull();
    expect(deepLinkRoute({ name: 'board', employeeId: 'someone-else' }, nia)).toBeNull();
  });
});
