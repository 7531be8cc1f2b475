/** The sandbox's demo users (password `sandbox`); shown only when the server says it is the sandbox. */
export const DEMO_PASSWORD = 'sandbox';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.com', role: 'Admin', can: 'view, edit, publish, revert' },
  { email: 'reviewer@example.com', role: 'Reviewer', can: 'view, publish' },
  { email: 'editor@example.com', role: 'Editor', can: 'view, edit' },
  { email: 'editor2@example.com', role: 'Editor', can: 'view, edit' },
  { email: 'viewer@example.com', role: 'Viewer', can: 'view' },
] as const;
