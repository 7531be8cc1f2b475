import { Hono, type Context } from 'hono';
import {
  accessUpdateSchema,
  actionConfigUpdateSchema,
  addInstructionSchema,
  agentSettingsUpdateSchema,
  annotateSchema,
  corpusConnectionUpdateSchema,
  corpusIdsSchema,
  guardrailToggleSchema,
  replaceInstructionsSchema,
  sharepointFolderInputSchema,
} from '../../contract';
import { can, type AppEnv } from '../http/auth';
import { ok } from '../http/envelope';
import { ifMatch, jsonBody, pathId } from '../http/validation';
import type { Services } from '../services';

/** Edits change staging only; each answers with the part it changed and the new revision. */
export function editRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const { edits } = services;

  /** Who edits which agent, checked before the body is read so a viewer learns nothing more. */
  const editing = (c: Context<AppEnv>) => {
    const user = can(c, 'edit');
    return { user, agentId: pathId(c, 'agent_id'), revision: ifMatch(c) };
  };

  const answer = <T extends { staging_revision: number }>(
    c: Context<AppEnv>,
    data: T,
    message: string,
    status: 200 | 201 = 200,
  ) => {
    c.header('ETag', `"${data.staging_revision}"`);
    return ok(c, data, message, status);
  };

  app.put('/agents/:agent_id', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, agentSettingsUpdateSchema);
    return answer(c, edits.updateSettings(agentId, user, revision, body), 'Settings saved to staging');
  });

  app.post('/agents/:agent_id/instructions', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, addInstructionSchema);
    return answer(
      c,
      edits.addInstruction(agentId, user, revision, body.instruction),
      'Instruction added',
      201,
    );
  });

  app.put('/agents/:agent_id/instructions', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, replaceInstructionsSchema);
    return answer(
      c,
      edits.replaceInstructions(agentId, user, revision, body.instructions),
      'Instructions saved',
    );
  });

  app.delete('/agents/:agent_id/instructions/:instruction_id', (c) => {
    const { user, agentId, revision } = editing(c);
    const instructionId = pathId(c, 'instruction_id');
    return answer(c, edits.deleteInstruction(agentId, user, revision, instructionId), 'Instruction removed');
  });

  app.post('/agents/:agent_id/corpora', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, corpusIdsSchema);
    return answer(
      c,
      edits.connectCorpora(agentId, user, revision, body.corpus_ids),
      'Knowledge sources connected',
    );
  });

  app.delete('/agents/:agent_id/corpora', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, corpusIdsSchema);
    return answer(
      c,
      edits.disconnectCorpora(agentId, user, revision, body.corpus_ids),
      'Knowledge sources disconnected',
    );
  });

  app.post('/agents/:agent_id/corpora/:corpus_id', (c) => {
    const { user, agentId, revision } = editing(c);
    const corpusId = pathId(c, 'corpus_id');
    return answer(c, edits.connectCorpus(agentId, user, revision, corpusId), 'Knowledge source connected');
  });

  app.put('/agents/:agent_id/corpora/:corpus_id', async (c) => {
    const { user, agentId, revision } = editing(c);
    const corpusId = pathId(c, 'corpus_id');
    const body = await jsonBody(c, corpusConnectionUpdateSchema);
    return answer(c, edits.updateCorpus(agentId, user, revision, corpusId, body), 'Knowledge source updated');
  });

  app.delete('/agents/:agent_id/corpora/:corpus_id', (c) => {
    const { user, agentId, revision } = editing(c);
    const corpusId = pathId(c, 'corpus_id');
    return answer(
      c,
      edits.disconnectCorpus(agentId, user, revision, corpusId),
      'Knowledge source disconnected',
    );
  });

  app.post('/agents/:agent_id/tools/:tool_id/enable', (c) => {
    const { user, agentId, revision } = editing(c);
    const toolId = pathId(c, 'tool_id');
    return answer(c, edits.enableTool(agentId, user, revision, toolId), 'Tool enabled');
  });

  app.delete('/agents/:agent_id/tools/:tool_id/disable', (c) => {
    const { user, agentId, revision } = editing(c);
    const toolId = pathId(c, 'tool_id');
    return answer(c, edits.disableTool(agentId, user, revision, toolId), 'Tool disabled');
  });

  app.patch('/agents/:agent_id/tools/:tool_id/actions/:action_id', async (c) => {
    const { user, agentId, revision } = editing(c);
    const toolId = pathId(c, 'tool_id');
    const actionId = pathId(c, 'action_id');
    const body = await jsonBody(c, actionConfigUpdateSchema);
    return answer(
      c,
      edits.setActionConfig(agentId, user, revision, toolId, actionId, body.config),
      'Action configuration saved',
    );
  });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(`/agents/:agent_id/tools/:tool_id/actions/:action_id/${verb}`, (c) => {
      const { user, agentId, revision } = editing(c);
      const toolId = pathId(c, 'tool_id');
      const actionId = pathId(c, 'action_id');
      return answer(
        c,
        edits.setActionEnabled(agentId, user, revision, toolId, actionId, enabled),
        enabled ? 'Action enabled' : 'Action disabled',
      );
    });
  }

  app.patch('/agents/:agent_id/guardrails', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, guardrailToggleSchema);
    return answer(
      c,
      edits.toggleGuardrail(agentId, user, revision, body.guardrail_type, body.enabled),
      'Guardrail updated',
    );
  });

  app.put('/agents/:agent_id/access', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, accessUpdateSchema);
    return answer(c, edits.setAccess(agentId, user, revision, body.access), 'Access updated');
  });

  app.post('/agents/:agent_id/annotates', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, annotateSchema);
    return answer(c, edits.annotate(agentId, user, revision, body.add, body.remove), 'Tags updated');
  });

  app.post('/agents/:agent_id/sharepoint/folder', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, sharepointFolderInputSchema);
    return answer(
      c,
      edits.connectSharepoint(agentId, user, revision, body),
      'SharePoint folder connected',
      201,
    );
  });

  app.put('/agents/:agent_id/sharepoint/folder', async (c) => {
    const { user, agentId, revision } = editing(c);
    const body = await jsonBody(c, sharepointFolderInputSchema);
    return answer(c, edits.updateSharepoint(agentId, user, revision, body), 'SharePoint folder updated');
  });

  app.delete('/agents/:agent_id/sharepoint/folder', (c) => {
    const { user, agentId, revision } = editing(c);
    return answer(c, edits.removeSharepoint(agentId, user, revision), 'SharePoint folder removed');
  });

  return app;
}
