import { createHash } from 'node:crypto';
import type {
  AgentConfig,
  CompareRef,
  Diff,
  FieldChange,
  PublishListQuery,
  PublishListWire,
  PublishRecordDetailWire,
  PublishRecordWire,
  PublishSummary,
  RevertPreviewWire,
  StagingDiff,
} from '../../contract';
import { changedPaths, diffConfigs, summarise } from '../domain/diff';
import { configFingerprint } from '../domain/config-fingerprint';
import { ApiError, notFound } from '../http/api-error';
import type { AgentRecord } from '../repositories/agents';
import type { UserRecord } from '../repositories/users';
import {
  nowTimestamp,
  parseConfig,
  productionConfig,
  rememberProduction,
  rememberStaging,
  requireAgent,
  requireConfigs,
  stagingConfig,
  type ServiceContext,
} from './context';
import { checkIfMatch } from './edit-service';
import { MemoCache } from './memo-cache';
import { agentDetailWire, pagination, publishRecordWire } from './wire';

export interface PublishOptions {
  note?: string | null;
  expected_fingerprint?: string;
  /** The creation publish has no earlier production to compare with. */
  summary?: PublishSummary;
}

/**
 * The staging diff's `staging_fingerprint`, which a publish may send back as
 * `expected_fingerprint`: staging as the reviewer saw it, and the production it was compared
 * with. Staging's own fingerprint alone would let a publish through after production moved
 * (another publish, then staging put back as it was), and changes the reviewer never saw would
 * go live under their name.
 */
function reviewedFingerprint(
  agent: Pick<AgentRecord, 'staging_fingerprint' | 'live_change_track_id'>,
): string {
  return createHash('sha256')
    .update(`${agent.staging_fingerprint}:${agent.live_change_track_id ?? 0}`)
    .digest('hex');
}

export function createPublishService(ctx: ServiceContext) {
  const { agents, publishes, fieldEdits } = ctx.repos;
  // History pages apart from the diffs, so paging through thousands of publishes never evicts a diff.
  const pages = new MemoCache(256);

  /** production → staging, without attribution; shared by the review and the publish summary. */
  function pendingDiff(agent: AgentRecord): Diff {
    return ctx.diffCache.get(
      `pending:${agent.id}:${agent.staging_revision}:${agent.live_change_track_id}`,
      () => diffConfigs(productionConfig(ctx, agent), stagingConfig(ctx, agent)),
    );
  }

  function snapshotOf(agentId: number, changeTrackId: number): AgentConfig {
    const text = publishes.snapshot(agentId, changeTrackId);
    if (text === undefined)
      throw notFound(`Agent ${agentId} has no publish with change_track_id ${changeTrackId}`);
    return parseConfig(text);
  }

  function publishInTransaction(
    agentId: number,
    actor: UserRecord,
    options: PublishOptions,
  ): PublishRecordWire {
    const agent = requireAgent(ctx, agentId);
    if (agent.live_change_track_id !== null && !agent.has_unpublished_changes) {
      throw new ApiError(
        409,
        'NOTHING_TO_PUBLISH',
        'Staging matches production: nothing to publish',
        undefined,
        {
          has_changes: false,
        },
      );
    }
    if (
      options.expected_fingerprint !== undefined &&
      options.expected_fingerprint !== reviewedFingerprint(agent)
    ) {
      throw new ApiError(
        412,
        'STAGING_CHANGED',
        'The changes differ from the ones you reviewed: review them again before publishing',
        { current_fingerprint: reviewedFingerprint(agent) },
      );
    }
    const { staging } = requireConfigs(ctx, agentId);
    const summary = options.summary ?? summarise(pendingDiff(agent));
    const version = publishes.maxVersion(agentId) + 1;
    const publishedOn = nowTimestamp(ctx.config.clock);
    const changeTrackId = publishes.insert({
      agent_id: agentId,
      version,
      published_by: actor.id,
      published_on: publishedOn,
      note: options.note ?? null,
      summary,
      rolled_back_to: agent.staging_rolled_back_to?.change_track_id ?? null,
      snapshot_fingerprint: agent.staging_fingerprint,
      snapshot: staging,
    });
    agents.writeProduction({
      id: agentId,
      config: staging,
      fingerprint: agent.staging_fingerprint,
      live_change_track_id: changeTrackId,
      live_version: version,
      last_published_on: publishedOn,
    });
    fieldEdits.clear(agentId);
    rememberProduction(ctx, agentId, changeTrackId, stagingConfig(ctx, agent));
    const record = publishes.find(agentId, changeTrackId);
    if (!record) throw new Error('The publish record just written cannot be read back');
    ctx.config.insideTransaction?.('publish', agentId);
    return publishRecordWire(record, changeTrackId);
  }

  function resolveRef(agent: AgentRecord, ref: CompareRef): { key: string; config: () => AgentConfig } {
    if (ref === 'staging')
      return { key: `s${agent.staging_revision}`, config: () => stagingConfig(ctx, agent) };
    if (ref === 'production')
      return { key: `p${agent.live_change_track_id}`, config: () => productionConfig(ctx, agent) };
    if (!publishes.find(agent.id, ref))
      throw notFound(`Agent ${agent.id} has no publish with change_track_id ${ref}`);
    return { key: `c${ref}`, config: () => snapshotOf(agent.id, ref) };
  }

  return {
    publish(agentId: number, actor: UserRecord, options: PublishOptions): PublishRecordWire {
      return ctx.db.transaction(() => publishInTransaction(agentId, actor, options)).immediate();
    },

    /** production → staging, each change carrying who last made it in staging. */
    stagingDiff(agentId: number): StagingDiff {
      const head = agents.head(agentId);
      if (!head) throw notFound(`No agent with id ${agentId}`);
      const key = `staging:${agentId}:${head.staging_revision}:${head.live_change_track_id}`;
      return ctx.diffCache.get(key, () => {
        const agent = requireAgent(ctx, agentId);
        const diff = pendingDiff(agent);
        const edits = fieldEdits.forAgent(agentId);
        const attribute = (change: FieldChange): FieldChange => {
          const edit = edits.get(change.path);
          return {
            ...change,
            modified_by: edit?.modified_by ?? null,
            modified_on: edit?.modified_on ?? null,
          };
        };
        return {
          has_changes: diff.has_changes,
          sections: diff.sections.map((s) => ({ ...s, changes: s.changes.map(attribute) })),
          agent_id: agentId,
          staging_fingerprint: reviewedFingerprint(agent),
          live_change_track_id: agent.live_change_track_id,
        };
      });
    },

    list(agentId: number, query: PublishListQuery): PublishListWire {
      // The head only (two integers): loading the agent would parse both configurations on
      // every page request.
      const agent = agents.head(agentId);
      if (!agent) throw notFound(`No agent with id ${agentId}`);
      // Records are append-only and every publish goes live, so the live publish keys the whole
      // history: a page is computed once until the next publish.
      const key = JSON.stringify([
        agentId,
        agent.live_change_track_id,
        query.page,
        query.items_per_page,
        query.published_by,
        query.q,
      ]);
      return pages.get(key, () => {
        const offset = (query.page - 1) * query.items_per_page;
        const { rows, total } = publishes.list(
          agentId,
          { published_by: query.published_by, q: query.q },
          query.items_per_page,
          offset,
        );
        return {
          ...pagination(total, query.page, query.items_per_page),
          publish_records: rows.map((r) => publishRecordWire(r, agent.live_change_track_id)),
        };
      });
    },

    detail(agentId: number, changeTrackId: number): PublishRecordDetailWire {
      const agent = requireAgent(ctx, agentId);
      const record = publishes.find(agentId, changeTrackId);
      if (!record) throw notFound(`Agent ${agentId} has no publish with change_track_id ${changeTrackId}`);
      return {
        ...publishRecordWire(record, agent.live_change_track_id),
        snapshot: snapshotOf(agentId, changeTrackId),
      };
    },

    revertPreview(agentId: number, changeTrackId: number): RevertPreviewWire {
      const agent = requireAgent(ctx, agentId);
      const record = publishes.find(agentId, changeTrackId);
      if (!record) throw notFound(`Agent ${agentId} has no publish with change_track_id ${changeTrackId}`);
      const key = `revert:${agentId}:${agent.staging_revision}:${agent.live_change_track_id}:${changeTrackId}`;
      return ctx.diffCache.get(key, () => {
        const snapshot = snapshotOf(agentId, changeTrackId);
        return {
          change_track_id: changeTrackId,
          version: record.version,
          staging: diffConfigs(stagingConfig(ctx, agent), snapshot),
          production: diffConfigs(productionConfig(ctx, agent), snapshot),
          discards_unpublished_changes:
            agent.has_unpublished_changes && agent.staging_fingerprint !== record.snapshot_fingerprint,
        };
      });
    },

    rollback(agentId: number, actor: UserRecord, changeTrackId: number, ifMatch: number | undefined) {
      return ctx.db
        .transaction(() => {
          const agent = requireAgent(ctx, agentId);
          const record = publishes.find(agentId, changeTrackId);
          if (!record)
            throw notFound(`Agent ${agentId} has no publish with change_track_id ${changeTrackId}`);
          const before = stagingConfig(ctx, agent);
          checkIfMatch(agent, ifMatch, () => before);
          const snapshot = snapshotOf(agentId, changeTrackId);
          const snapshotFingerprint = configFingerprint(snapshot);
          // Staging holds that version already: nothing changes, the revision included, so no
          // editor's next save is refused for a change that did not happen.
          if (snapshotFingerprint === agent.staging_fingerprint)
            return agentDetailWire(agent, before, 'staging');
          const on = nowTimestamp(ctx.config.clock);
          const settings = snapshot.agent_settings;
          agents.writeStaging({
            id: agentId,
            config: JSON.stringify(snapshot),
            fingerprint: snapshotFingerprint,
            revision: agent.staging_revision + 1,
            agent_name: settings.agent_name,
            domain: settings.domain,
            access: settings.access,
            tags: settings.tags,
            modified_by: actor.email,
            modified_on: on,
          });
          rememberStaging(ctx, agentId, agent.staging_revision + 1, snapshot);
          // Back to what production holds (reverting to the live version, to throw staging's
          // edits away): nothing is waiting to go live, so no rolled-back marker, and the next
          // publish, whatever it holds, is not a rollback.
          agents.setRolledBack(
            agentId,
            snapshotFingerprint === agent.production_fingerprint
              ? null
              : { change_track_id: changeTrackId, version: record.version, by: actor.email, on },
          );
          fieldEdits.record(agentId, changedPaths(diffConfigs(before, snapshot)), actor.email, on);
          const result = agentDetailWire(requireAgent(ctx, agentId), snapshot, 'staging');
          ctx.config.insideTransaction?.('rollback', agentId);
          return result;
        })
        .immediate();
    },

    compare(agentId: number, from: CompareRef, to: CompareRef): Diff {
      const agent = requireAgent(ctx, agentId);
      const a = resolveRef(agent, from);
      const b = resolveRef(agent, to);
      return ctx.diffCache.get(`compare:${agentId}:${a.key}:${b.key}`, () =>
        diffConfigs(a.config(), b.config()),
      );
    },
  };
}
export type PublishService = ReturnType<typeof createPublishService>;
