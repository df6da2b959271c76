import { act, fireEvent, render, screen } from '@testing-library/react';

import { onDemand, useOnDemand } from '../../../tabs/src/app/onDemand';
import type { OnDemand } from '../../../tabs/src/app/onDemand';

/**
 * A screen's code loaded outside Suspense (app/onDemand.tsx, used for the board screen): the
 * placeholder until it is in, the screen by a plain state update, the screen at once when mounted
 * again, and a problem with "Try again" when the code cannot be downloaded (where a lazy screen
 * threw past every boundary and left a blank page).
 */

function Greeting() {
  return <h1>Hello</h1>;
}

function Screen({ code }: { code: OnDemand<typeof Greeting> }) {
  const { loaded: Loaded, problem } = useOnDemand(code, 'Your board');
  if (Loaded) return <Loaded />;
  return problem ?? <p>Loading…</p>;
}

test('the placeholder until the code is in, then the screen; mounted again, the screen at once', async () => {
  let requests = 0;
  const code = onDemand(() => {
    requests++;
    return Promise.resolve({ default: Greeting });
  });

  const first = render(<Screen code={code} />);
  expect(screen.getByText('Loading…')).toBeTruthy();
  await screen.findByRole('heading', { name: 'Hello' });
  first.unmount();

  render(<Screen code={code} />);
  expect(screen.getByRole('heading', { name: 'Hello' })).toBeTruthy();
  expect(screen.queryByText('Loading…')).toBeNull();
  expect(requests).toBe(1);
});

test('code that cannot be downloaded says so; "Try again" asks again and shows the screen', async () => {
  let requests = 0;
  const code = onDemand(() =>
    ++requests === 1
      ? Promise.reject(new Error('Failed to fetch dynamically imported module'))
      : Promise.resolve({ default: Greeting }),
  );

  render(<Screen code={code} />);
  await screen.findByRole('heading', { name: 'Your board couldn’t load' });
  expect(screen.getByRole('alert').textContent).toContain('Check your connection, then try again.');

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  });

  await screen.findByRole('heading', { name: 'Hello' });
  expect(requests).toBe(2);
});
