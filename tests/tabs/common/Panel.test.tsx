import { render, screen } from '@testing-library/react';

import { Panel } from '../../../tabs/src/common/Panel';

/** The panel look lives in one component; each screen says only what its panel is. */

function styleOf(element: HTMLElement) {
  return window.getComputedStyle(element);
}

/** jsdom cannot split a border shorthand written with CSS variables; it keeps it whole. */
function edgeOf(element: HTMLElement) {
  return styleOf(element).getPropertyValue('border');
}

describe('Panel', () => {
  test('a panel is a column with a thin edge unless told otherwise', () => {
    render(<Panel data-testid="panel">Content</Panel>);
    const panel = screen.getByTestId('panel');
    expect(panel.tagName).toBe('DIV');
    expect(styleOf(panel).display).toBe('flex');
    expect(styleOf(panel).flexDirection).toBe('column');
    expect(edgeOf(panel)).toMatch(/ solid /);
    expect(panel.textContent).toBe('Content');
  });

  test('it renders the element its meaning needs and passes its labels through', () => {
    render(
      <ul>
        <Panel as="li" aria-label="Ada" />
      </ul>,
    );
    expect(screen.getByRole('listitem', { name: 'Ada' })).toBeTruthy();
    render(<Panel as="section" aria-label="Settings" />);
    expect(screen.getByRole('region', { name: 'Settings' }).tagName).toBe('SECTION');
  });

  test('a placeholder has no edge and private content a dashed one', () => {
    render(
      <>
        <Panel data-testid="placeholder" stroke="none" />
        <Panel data-testid="private" stroke="private" />
      </>,
    );
    expect(edgeOf(screen.getByTestId('placeholder'))).toBe('');
    expect(edgeOf(screen.getByTestId('private'))).toMatch(/ dashed /);
  });

  test('the gap and the caller’s layout class change only what they name', () => {
    render(
      <>
        <Panel data-testid="m" />
        <Panel data-testid="s" gap="s" className="placed" />
      </>,
    );
    // Griffel adds a class naming the merge itself (`___…`); the atomic classes are the styles.
    const classes = (id: string) =>
      screen
        .getByTestId(id)
        .className.split(' ')
        .filter((name) => !name.startsWith('___'));
    const m = classes('m');
    const s = classes('s');
    expect(s).toContain('placed');
    expect(s.filter((name) => !m.includes(name))).toHaveLength(2);
  });
});
