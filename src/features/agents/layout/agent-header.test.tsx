// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { agentDetail } from '@/test/agent-fixtures';
import { renderAt } from '@/test/render-with-router';
import { AgentHeader } from './agent-header';

afterEach(cleanup);

describe('the agent header', () => {
  it('opens "More actions" as a menu holding nothing but its items that can take the focus', async () => {
    const { user } = renderAt(
      '/agents/7/edit',
      <AgentHeader agent={agentDetail({ id: 7, agent_name: 'Claims Explainer' })} onDelete={vi.fn()} />,
    );
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    // Found by its text: happy-dom leaves the dropdown's opening transition unfinished.
    const menu = (await screen.findByText('Delete agent…')).closest('[role="menu"]')!;
    const focusable = [...menu.querySelectorAll('[tabindex]')].filter(
      (el) => el.getAttribute('role') !== 'menuitem',
    );
    expect(focusable).toEqual([]);
  });

  it('draws the breadcrumb separator as dimmed as the crumbs (Mantine’s grey is 4.0:1 on the dark body)', () => {
    renderAt(
      '/agents/7/edit',
      <AgentHeader agent={agentDetail({ id: 7, agent_name: 'Claims Explainer' })} />,
    );
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const separator = nav.querySelector<HTMLElement>('.mantine-Breadcrumbs-separator')!;
    expect(separator.textContent).toBe('/');
    expect(separator.style.color).toBe('var(--mantine-color-dimmed)');
  });

  it('opens "More actions" beside its button, inside the page, not at the end of the body', async () => {
    const { user, container } = renderAt(
      '/agents/7/edit',
      <main>
        <AgentHeader agent={agentDetail({ id: 7, agent_name: 'Claims Explainer' })} onDelete={vi.fn()} />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    const menu = (await screen.findByText('Delete agent…')).closest('[role="menu"]')!;
    // At the end of the body the menu was in no landmark (axe's "region").
    expect(container.querySelector('main')!.contains(menu)).toBe(true);
  });

  it('draws "Delete agent…" in its own red, not Mantine’s, which would override it inline', async () => {
    const { user } = renderAt(
      '/agents/7/edit',
      <AgentHeader agent={agentDetail({ id: 7, agent_name: 'Claims Explainer' })} onDelete={vi.fn()} />,
    );
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    const item = (await screen.findByText('Delete agent…')).closest<HTMLElement>('[role="menuitem"]')!;
    expect(item.style.getPropertyValue('--menu-item-color')).toBe('');
    expect(item.style.getPropertyValue('--menu-item-hover')).toBe('');
    expect(item.className).toMatch(/deleteItem/);
  });

  it('shows what "Live" means beside the badge, inside the page, not at the end of the body', async () => {
    const { user, container } = renderAt(
      '/agents/7/edit',
      <main>
        <AgentHeader agent={agentDetail({ id: 7, agent_name: 'Claims Explainer' })} />
      </main>,
    );
    await user.hover(screen.getByText(/^Live v/));
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toBe('The version production serves to end users');
    expect(container.querySelector('main')!.contains(tooltip)).toBe(true);
  });
});
