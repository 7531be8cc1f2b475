import { Hono } from 'hono';
import { can, type AppEnv } from '../http/auth';
import { ok } from '../http/envelope';
import type { Services } from '../services';

/** Pickers: the organisation's catalogue, small enough to send whole. */
export function catalogRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const { catalog } = services.repos;

  app.get('/users/me', (c) => {
    const { permissions: _permissions, ...user } = c.get('user');
    return ok(c, user);
  });
  app.get('/projects', (c) => {
    can(c, 'view');
    return ok(c, { projects: catalog.projects() });
  });
  app.get('/corpora', (c) => {
    can(c, 'view');
    return ok(c, { corpora: catalog.corpora() });
  });
  app.get('/organizations/tools', (c) => {
    can(c, 'view');
    return ok(c, { tools: catalog.tools() });
  });
  app.get('/agent-types', (c) => {
    can(c, 'view');
    return ok(c, { agent_types: catalog.agentTypes() });
  });
  app.get('/llm-configs', (c) => {
    can(c, 'view');
    return ok(c, { llm_configs: catalog.llmConfigs() });
  });

  return app;
}
