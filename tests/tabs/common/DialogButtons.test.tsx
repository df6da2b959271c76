import { Dialog, DialogBody, DialogSurface } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';

import { DialogButtons } from '../../../tabs/src/common/DialogButtons';

/** Every dialog ends the same way: leave, or act; while acting, neither can be pressed again. */

function inDialog(children: ReactNode) {
  return render(
    <Dialog open>
      <DialogSurface>
        <DialogBody>{children}</DialogBody>
      </DialogSurface>
    </Dialog>,
  );
}

describe('DialogButtons', () => {
  test('idle: leaving and the primary action are both there to press', () => {
    const onCancel = jest.fn();
    const onPrimary = jest.fn();
    inDialog(
      <DialogButtons
        label="Delete"
        cancelLabel="Keep it"
        busy={false}
        {...{ onCancel, onPrimary }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onPrimary).toHaveBeenCalledTimes(1);
  });

  test('busy: the primary action says so and neither button acts', () => {
    const onCancel = jest.fn();
    const onPrimary = jest.fn();
    inDialog(<DialogButtons label="Save" busy {...{ onCancel, onPrimary }} />);
    const primary = screen.getByRole('button', { name: 'Saving…' });
    expect(primary.getAttribute('aria-disabled')).toBe('true');
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(primary);
    expect(onPrimary).not.toHaveBeenCalled();
  });

  test('blocked: the primary action keeps its words but cannot be pressed', () => {
    inDialog(<DialogButtons label="Save changes" busy={false} blocked onCancel={jest.fn()} />);
    expect(screen.getByRole('button', { name: 'Save changes' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  test('without its own handler the primary button submits the dialog’s form', () => {
    const onSubmit = jest.fn((event: Event) => event.preventDefault());
    inDialog(
      <form onSubmit={(event) => onSubmit(event.nativeEvent)}>
        <DialogButtons label="Acknowledge" busy={false} onCancel={jest.fn()} />
      </form>,
    );
    const primary = screen.getByRole('button', { name: 'Acknowledge' });
    expect(primary.getAttribute('type')).toBe('submit');
    fireEvent.click(primary);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
