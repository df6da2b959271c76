import { hrefFor, parseRoute } from '../../tabs/src/routing/routes';

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
