// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef, useState } from 'react';
import { Deferred, useHandoff, type DeferredHandoff } from './deferred';

/**
 * Like the header's menus: a trigger that toggles its menu on click, a mouse-down outside that
 * shuts it, and a handed-over click that opens it.
 */
function RealMenu({ label, ...handoff }: { label: string } & DeferredHandoff) {
  const ref = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(handoff.openOnMount);
  const { afterClose } = useHandoff(ref, handoff);
  useEffect(() => {
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpened(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, []);
  return (
    <div ref={root}>
      <button ref={ref} type="button" onClick={() => setOpened((o) => !o)}>
        {label} (real)
      </button>
      {opened && (
        <ul aria-label="Menu items">
          <li>
            <button
              type="button"
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                setOpened(false);
                afterClose();
              }}
            >
              Light
            </button>
          </li>
        </ul>
      )}
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
    // Handed over by an effect of the real control, which may run after it is first in the page.
    await vi.waitFor(() => expect(document.activeElement).toBe(real));
  });

  it('gives the focus back to the real control when a menu opened by the stand-in closes', async () => {
    const user = userEvent.setup();
    const { arrive } = setup();
    await user.tab();
    await user.keyboard('{Enter}');
    arrive();
    const item = await screen.findByRole('button', { name: 'Light' });
    // The stand-in, which had the focus, is gone: the focus is on the page.
    expect(document.activeElement).toBe(document.body);
    item.focus();
    await user.keyboard('{Escape}');
    const real = screen.getByRole('button', { name: 'Account (real)' });
    await vi.waitFor(() => expect(document.activeElement).toBe(real));
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

  it('when the press itself brings the real control in, the rest of that press does not shut the menu', async () => {
    const user = userEvent.setup();
    const { arrive } = setup();
    const standIn = screen.getByRole('button', { name: 'Account (stand-in)' });
    // The pointer-down reaches the stand-in and renders the real control. The press's mouse-down
    // then finds the stand-in gone and goes to the page around it, and its click lands on the
    // real control.
    await user.pointer({ keys: '[MouseLeft>]', target: standIn });
    arrive();
    const real = await screen.findByRole('button', { name: 'Account (real)' });
    expect(screen.getByRole('list', { name: 'Menu items' })).toBeTruthy();
    fireEvent.mouseDown(document.body);
    expect(screen.getByRole('list', { name: 'Menu items' })).toBeTruthy();
    fireEvent.click(real);
    expect(screen.getByRole('list', { name: 'Menu items' })).toBeTruthy();

    // What follows is the person's own: a click shuts the menu, one more opens it, and a press
    // outside shuts it.
    await user.click(real);
    expect(screen.queryByRole('list', { name: 'Menu items' })).toBeNull();
    await user.click(real);
    expect(screen.getByRole('list', { name: 'Menu items' })).toBeTruthy();
    await user.click(document.body);
    expect(screen.queryByRole('list', { name: 'Menu items' })).toBeNull();
  });

  it('a key pressed after the hand-over is the person’s own', async () => {
    const user = userEvent.setup();
    const { arrive } = setup();
    const standIn = screen.getByRole('button', { name: 'Account (stand-in)' });
    await user.pointer({ keys: '[MouseLeft>]', target: standIn });
    arrive();
    const real = await screen.findByRole('button', { name: 'Account (real)' });
    real.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: 'Menu items' })).toBeNull();
  });
});
