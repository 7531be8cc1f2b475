// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderRoutes } from '@/test/render-with-router';
import { Component } from './not-found';

afterEach(cleanup);

describe('the not-found page', () => {
  it('says which page is missing in its top-level heading and text', () => {
    renderRoutes([{ path: '*', Component }], { at: '/nope/nothing' });
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText(/There is no page at \/nope\/nothing\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to agents' }).getAttribute('href')).toBe('/agents');
    expect(document.title).toBe('Page not found – Ejento · Staging & Publishing');
  });
});
