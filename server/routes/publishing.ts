import { Hono } from 'hono';
import {
  compareQuerySchema,
  publishBodySchema,
  publishListQuerySchema,
  rollbackBodySchema,
  type PublishListWire,
  type StagingDiff,
} from '../../contract';
import { can, type AppEnv } from '../http/auth';
import { ok } from '../http/envelope';
import { createEncodedBodyCache } from '../http/precompressed';
import { ifMatch, jsonBody, pathId, query } from '../http/validation';
import type { Services } from '../services';

export function publishingRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const { publishing } = services;
  // The staging diff of a huge prompt is megabytes of JSON: encode and compress it once per cached diff.
  const encoded = createEncodedBodyCache<StagingDiff>();
  // History pages are cached until the next publish: encoded (and compressed) once as well.
  const encodedPage = createEncodedBodyCache<PublishListWire>();

  app.get('/agents/:agent_id/staging-diff', (c) => {
    can(c, 'view');
    const diff = publishing.stagingDiff(pathId(c, 'agent_id'));
    return encoded(c, diff, () => JSON.stringify({ success: true, message: 'OK', data: diff }));
  });

  app.post('/agents/:agent_id/publish', async (c) => {
    const user = can(c, 'publish');
    const agentId = pathId(c, 'agent_id');
    const body = await jsonBody(c, publishBodySchema, { optional: true });
    const note = body.note === undefined || body.note === '' ? null : body.note;
    const record = publishing.publish(agentId, user, {
      note,
      expected_fingerprint: body.expected_fingerprint,
    });
    return ok(c, record, `Version ${record.version} is live`, 201);
  });

  app.get('/agents/:agent_id/publishes', (c) => {
    can(c, 'view');
    const agentId = pathId(c, 'agent_id');
    const page = publishing.list(agentId, query(c, publishListQuerySchema));
    return encodedPage(c, page, () => JSON.stringify({ success: true, message: 'OK', data: page }));
  });

  app.get('/agents/:agent_id/publishes/:change_track_id', (c) => {
    can(c, 'view');
    const agentId = pathId(c, 'agent_id');
    return ok(c, publishing.detail(agentId, pathId(c, 'change_track_id')));
  });

  app.get('/agents/:agent_id/publishes/:change_track_id/diff', (c) => {
    can(c, 'view');
    const agentId = pathId(c, 'agent_id');
    return ok(c, publishing.revertPreview(agentId, pathId(c, 'change_track_id')));
  });

  app.put('/agents/:agent_id/rollback', async (c) => {
    const user = can(c, 'rollback');
    const agentId = pathId(c, 'agent_id');
    const revision = ifMatch(c);
    const body = await jsonBody(c, rollbackBodySchema);
    const agent = publishing.rollback(agentId, user, body.change_track_id, revision);
    c.header('ETag', `"${agent.staging_revision}"`);
    return ok(
      c,
      agent,
      agent.staging_rolled_back_to
        ? `Staging now holds version ${agent.staging_rolled_back_to.version}: publish it to make it live`
        : 'Staging now matches production again: nothing to publish',
    );
  });

  app.get('/agents/:agent_id/compare', (c) => {
    can(c, 'view');
    const agentId = pathId(c, 'agent_id');
    const refs = query(c, compareQuerySchema);
    return ok(c, publishing.compare(agentId, refs.from, refs.to));
  });

  return app;
}
