import { routeLabel } from '../../../../api/src/local/graph-simulator/graphStats';

describe('route labels in the Graph counters', () => {
  it('names ids {id} so one route is counted as one, whoever it is for', () => {
    expect(routeLabel('GET', '/users/4f1c2a/events/AAMkAG')).toBe('GET /users/{id}/events/{id}');
    expect(routeLabel('POST', '/users/4f1c2a/calendar/getSchedule')).toBe(
      'POST /users/{id}/calendar/getSchedule',
    );
    expect(routeLabel('GET', '/chats/19:abc/members')).toBe('GET /chats/{id}/members');
  });

  it('keeps the delta function apart from user lookups', () => {
    expect(routeLabel('GET', '/users/delta')).toBe('GET /users/delta');
    expect(routeLabel('GET', '/users/4f1c2a')).toBe('GET /users/{id}');
  });
});
