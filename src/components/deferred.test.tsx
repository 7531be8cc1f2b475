// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef } from 'react';
import { Deferred, type DeferredHandoff } from './deferred';

function RealMenu({ label, openOnMount, focusOnMount }: { label: string } & DeferredHandoff) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <div>
      <button ref={ref} type="button">
        {label} (real)
      </button>
      {openOnMount && <ul aria-label="Menu items" />}
    </div>
  );
}

function setup() {
  let resolve: (c: typeof RealMenu) => void = () => undefined;
  const load = vi.fn(() => new Promise<typeof RealMenu>((r) => (resolve = r)));
  render(
    <Deferred
      load={load}
      props={{ label: 'Account' }}
      placeholder={(intent) => (
        <button type="button" {...intent}>
          Account (stand-in)
        </button>
      )}
    />,
  );
  return { load, arrive: () => resolve(RealMenu) };
}

afterEach(cleanup);

describe('Deferred', () => {
  it('loads nothing until the user reaches for the control', () => {
    const { load } = setup();
    expect(screen.getByRole('button', { name: 'Account (stand-in)' })).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads on hover, once, and swaps in the real control closed', async () => {
    const user = userEvent.setup();
    const { load, arrive } = setup();
    await user.hover(screen.getByRole('button', { name: 'Account (stand-in)' }));
    await user.unhover(screen.getByRole('button', { name: 'Account (stand-in)' }));
    await user.hover(screen.getByRole('button', { name: 'Account (stand-in)' }));
    arrive();
    expect(await screen.findByRole('button', { name: 'Account (real)' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('list', { name: 'Menu items' })).toBeNull();
  });

  it('hands a click over: the real control opens at once', async () => {
    const user = userEvent.setup();
    const { arrive } = setup();
    await user.click(screen.getByRole('button', { name: 'Account (stand-in)' }));
    arrive();
    expect(await screen.findByRole('list', { name: 'Menu items' })).toBeTruthy();
  });

  it('hands the keyboard focus over', async () => {
    const user = userEvent.setup();
    const { arrive } = setup();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Account (stand-in)');
    arrive();
    const real = await screen.findByRole('button', { name: 'Account (real)' });
    expect(document.activeElement).toBe(real);
  });

  it('opens the real control when its code arrives between the press and the release', async () => {
    const user = userEvent.setup();
    const { arrive } = setup();
    const standIn = screen.getByRole('button', { name: 'Account (stand-in)' });
    await user.pointer({ keys: '[MouseLeft>]', target: standIn });
    arrive();
    const real = await screen.findByRole('button', { name: 'Account (real)' });
    await user.pointer({ keys: '[/MouseLeft]', target: real });
    expect(screen.getByRole('list', { name: 'Menu items' })).toBeTruthy();
  });
});
