/**
 * Each screen's route module, loaded the first time it is needed. The router opens them; the
 * agent screens also fetch their sibling tabs' modules ahead of a click (routes/agent.tsx).
 */
export const screens = {
  signIn: () => import('./routes/sign-in'),
  shell: () => import('./routes/shell'),
  agentList: () => import('./routes/agent-list'),
  agent: () => import('./routes/agent'),
  agentEdit: () => import('./routes/agent-edit'),
  agentReview: () => import('./routes/agent-review'),
  agentHistory: () => import('./routes/agent-history'),
  notFound: () => import('./routes/not-found'),
};
