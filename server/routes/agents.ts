import { Hono, type Context } from 'hono';
import {
  agentListQuerySchema,
  agentQuerySchema,
  createAgentSchema,
  type AgentDetailWire,
} from '../../contract';
import { can, canDeleteAgent, type AppEnv } from '../http/auth';
import { notFound } from '../http/api-error';
import { ok } from '../http/envelope';
import { createEncodedBodyCache } from '../http/precompressed';
import { jsonBody, pathId, query } from '../http/validation';
import type { Services } from '../services';
import { MemoCache } from '../services/memo-cache';

export function agentRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const { agents } = services;

  app.get('/agents', (c) => {
    can(c, 'view');
    return ok(c, agents.list(query(c, agentListQuerySchema)));
  });

  app.post('/agents', async (c) => {
    const user = can(c, 'edit');
    const input = await jsonBody(c, createAgentSchema);
    const agent = agents.create(input, user);
    c.header('ETag', `"${agent.staging_revision}"`);
    return ok(c, agent, 'Agent created', 201);
  });

  // An agent read is megabytes for a long prompt; everything in it follows from the staging
  // revision and the live publish, so the encoded body is reused until either changes.
  const details = new MemoCache(64);
  const encoded = createEncodedBodyCache<{ agent: AgentDetailWire }>();
  app.get('/agents/:agent_id', (c) => {
    can(c, 'view');
    const id = pathId(c, 'agent_id');
    const { environment } = query(c, agentQuerySchema);
    const head = services.repos.agents.head(id);
    if (!head) throw notFound(`No agent with id ${id}`);
    const key = `${id}:${environment}:${head.staging_revision}:${head.live_change_track_id}`;
    const detail = details.get(key, () => ({ agent: agents.detail(id, environment) }));
    return encoded(c, detail, () => JSON.stringify({ success: true, message: 'OK', data: detail.agent }), {
      ETag: `"${head.staging_revision}"`,
    });
  });

  app.delete('/agents/:agent_id', (c) => {
    canDeleteAgent(c);
    return ok(c, agents.remove(pathId(c, 'agent_id')), 'Agent deleted');
  });

  app.get('/agents/:agent_id/permissions/me', (c) => {
    return ok(c, agents.permissions(pathId(c, 'agent_id'), c.get('user')));
  });

  /** Reads of one part of staging, each with the revision to send back as If-Match. */
  const part = <T extends object>(c: Context<AppEnv>, pick: (a: ReturnType<typeof agents.detail>) => T) => {
    can(c, 'view');
    const agent = agents.detail(pathId(c, 'agent_id'), 'staging');
    c.header('ETag', `"${agent.staging_revision}"`);
    return ok(c, {
      ...pick(agent),
      staging_revision: agent.staging_revision,
      has_unpublished_changes: agent.has_unpublished_changes,
    });
  };

  app.get('/agents/:agent_id/corpora', (c) => part(c, (a) => ({ corpora: a.knowledge_sources.corpora })));
  app.get('/agents/:agent_id/tools', (c) => part(c, (a) => ({ tools: a.tools })));
  app.get('/agents/:agent_id/access', (c) => part(c, (a) => ({ access: a.access, tags: a.tags })));
  app.get('/agents/:agent_id/sharepoint/folder', (c) =>
    part(c, (a) => ({ sharepoint_folder: a.knowledge_sources.sharepoint_folder })),
  );
  app.get('/agents/:agent_id/guardrails', (c) =>
    part(c, (a) => {
      const enabled = new Map(a.guardrails.map((g) => [g.type, g.enabled]));
      return {
        guardrail_types: services.repos.catalog.guardrailTypes().map((g) => ({
          type: g.type,
          name: g.name,
          description: g.description,
          enabled: enabled.get(g.type) ?? false,
        })),
      };
    }),
  );

  return app;
}
