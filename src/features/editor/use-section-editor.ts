import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AgentDetail, RolledBackTo } from '@/api/adapter';
import { isApiError, isLostAnswer } from '@/api/api-error';
import { EditRunError, readStagingAfterLostAnswer, staleRevisionOf, useRunEdits } from '@/api/agents/edits';
import { agentQueries } from '@/api/agents/queries';
import { deepEqual } from '@/lib/deep-equal';
import { withLfBreaks } from '@/lib/line-breaks';
import { normalizeFieldPath, placeFieldErrors, type FieldMessage } from '@/lib/field-errors';
import { partChangedSince, revisionToSend } from '@/lib/if-match';
import { draftStore, useDraft, type Conflict, type Draft } from './draft-store';
import type { SectionModel } from './model/section-model';
import { configWithCurrent } from './model/stale-current';

export type SaveFailureKind = 'network' | 'server' | 'forbidden' | 'validation' | 'other';

/** Why the last save did not go through, in words, with what to do next. */
export interface SaveFailure {
  kind: SaveFailureKind;
  message: string;
  /**
   * Server field errors that have no field in this form, each with what it is about as the form
   * names it (null: the message says it all).
   */
  details: FailureDetail[];
  /** Some edits of the save went through before it failed. */
  partial: boolean;
}

export interface FailureDetail {
  label: string | null;
  message: string;
}

/** Where a mounted form started: its draft's base when the first change is written. */
export interface FormSeed<F> {
  base: F;
  revision: number;
}

export interface SectionEditor<F> {
  /** Remount the form by this key: it changes when the form's starting point changes. */
  formKey: string;
  /**
   * After a save of what the form shows, the form stays mounted over the new revision, and this
   * is where its next draft starts (else null: the form's own, from its mount).
   */
  carriedSeed: FormSeed<F> | null;
  initialValues: F;
  base: F;
  /** Capture at mount (useState) and pass back with changes and saves. */
  seed: FormSeed<F>;
  dirty: boolean;
  conflict: Conflict<F> | null;
  /** The version staging was reverted to, when the conflict is with that revert. */
  conflictRevertedTo: number | null;
  /** Someone saved this part since the draft started; saving will ask whose to keep. */
  changedElsewhere: boolean;
  saving: boolean;
  failure: SaveFailure | null;
  /** Server field errors of the last save, for a form remounted after it. */
  fieldErrors: Record<string, string> | null;
  /** When this form last saved, for "Saved" and the Review link. */
  savedAt: number | null;
  canEdit: boolean;
  onValuesChange: (values: F, seed: FormSeed<F>) => void;
  /** Saves; resolves with field errors for the form (server 422), or null. */
  save: (values: F, seed: FormSeed<F>) => Promise<Record<string, string> | null>;
  discard: () => void;
  keepMine: () => Promise<Record<string, string> | null>;
  takeTheirs: () => void;
  /** What "keep mine" saves: the user's changes on top of theirs (the model's merge). */
  merge: (base: F, mine: F, theirs: F) => F;
}

export interface SectionEditorOptions<F, C> {
  agentId: number;
  model: SectionModel<F, C>;
  ctx: C;
  detail: AgentDetail;
  canEdit: boolean;
}

/** Big drafts (a long prompt) are written once typing pauses. */
const DRAFT_WRITE_DELAY_MS = 300;
function delay(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}
/** A form holding a text this long writes even its first draft once typing pauses. */
const LONG_TEXT_CHARS = 20_000;

const holdsLongText = (values: unknown) =>
  typeof values === 'object' &&
  values !== null &&
  Object.values(values).some((v) => typeof v === 'string' && v.length > LONG_TEXT_CHARS);

/** How a model tells values with nothing to save from their base (SectionModel.unchanged). */
const unchangedIn =
  <F, C>(model: SectionModel<F, C>) =>
  (values: F, base: F) =>
    model.unchanged?.(values, base) ?? deepEqual(values, base);

function failureOf(error: unknown, details: FailureDetail[]): SaveFailure {
  const cause = error instanceof EditRunError ? error.cause : error;
  const partial = error instanceof EditRunError && error.applied > 0;
  const message = cause instanceof Error ? cause.message : 'The save failed.';
  if (!isApiError(cause)) return { kind: 'other', message, details, partial };
  if (cause.isNetwork) return { kind: 'network', message, details, partial };
  if (cause.status === 403) return { kind: 'forbidden', message, details, partial };
  if (cause.status === 422) return { kind: 'validation', message, details, partial };
  if (cause.status >= 500) {
    return {
      kind: 'server',
      message: `The server could not save this: ${message}`,
      details,
      partial,
    };
  }
  return { kind: 'other', message, details, partial };
}

/**
 * The life of one form of the Edit tab: its draft (kept in sessionStorage), the revision its
 * save sends as If-Match, the save itself (edit by edit), and what happens when the save fails:
 * field errors at the field, a retry for network and server failures, and on 412 the other
 * person's version beside the user's until the user chooses. Nothing typed is dropped.
 */
export function useSectionEditor<F, C>({
  agentId,
  model,
  ctx,
  detail,
  canEdit,
}: SectionEditorOptions<F, C>): SectionEditor<F> {
  const queryClient = useQueryClient();
  const draft = useDraft<F>(agentId, model.id);
  const server = useMemo(() => model.fromConfig(detail.config, ctx), [model, detail.config, ctx]);
  const base = draft?.base ?? server;
  const [generation, setGeneration] = useState(0);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string> | null>(null);
  const run = useRunEdits(agentId);

  // A save of what the form shows leaves the form as it is, over the new revision: drawn anew,
  // a form holding a 100,000-line prompt has its text laid out again, seconds of a frozen page.
  // It goes on while the form starts from that revision (its next draft does too); anything
  // else that moves the starting point (a discard, someone else's save seen with no draft) draws
  // it anew as before.
  const [carried, setCarried] = useState<{ key: string; revision: number; generation: number } | null>(null);
  const startRevision = draft?.baseRevision ?? detail.stagingRevision;
  const carriedOn =
    carried !== null && carried.revision === startRevision && carried.generation === generation;
  const formKey = carriedOn ? carried.key : `${model.id}:${startRevision}:${generation}`;
  const initialValues = draft?.values ?? server;

  const seed = useMemo(
    () => ({ base, revision: draft?.baseRevision ?? detail.stagingRevision }),
    [base, draft?.baseRevision, detail.stagingRevision],
  );

  const pending = useRef<{ values: F; seed: FormSeed<F>; cancel: () => void } | null>(null);

  const writeValues = useCallback(
    (values: F, from: FormSeed<F>) => {
      const current = draftStore.get<F>(agentId, model.id);
      draftStore.set<F>(
        agentId,
        model.id,
        {
          base: current?.base ?? from.base,
          baseRevision: current?.baseRevision ?? from.revision,
          values,
          conflict: current?.conflict ?? null,
        },
        unchangedIn(model),
      );
    },
    [agentId, model],
  );

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    p.cancel();
    pending.current = null;
    writeValues(p.values, p.seed);
  }, [writeValues]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const onValuesChange = useCallback(
    (values: F, from: FormSeed<F>) => {
      setSavedAt(null);
      pending.current?.cancel();
      pending.current = null;
      // The first change creates the draft (and with it the "unsaved" marks) at once. In a form
      // holding a long prompt, writing it (and drawing the marks) takes tens of milliseconds, so
      // it waits, like every later change, until typing pauses: done between two keys it held
      // the next key back. Leaving the page or the form writes what is pending at once.
      const first = !draftStore.get(agentId, model.id);
      if (first && !holdsLongText(values)) {
        writeValues(values, from);
        return;
      }
      pending.current = { values, seed: from, cancel: delay(flush, DRAFT_WRITE_DELAY_MS) };
    },
    [agentId, model.id, writeValues, flush],
  );

  const save = useCallback(
    async (values: F, from: FormSeed<F>): Promise<Record<string, string> | null> => {
      if (pending.current) {
        pending.current.cancel();
        pending.current = null;
      }
      writeValues(values, from);
      const stored = draftStore.get<F>(agentId, model.id);
      const current: Draft<F> | null = stored ? { ...stored, base: stored.base ?? server } : null;
      setFailure(null);
      setFieldErrors(null);
      if (!current || current.conflict) return null;
      let planner = model.planner(current.base, values, ctx);
      // A save outlives its screen: if someone else has signed in on this tab since it left,
      // what it would write back (the submitted text as a draft) is not theirs to see.
      const owner = draftStore.claimedBy;
      const sameOwner = () => draftStore.claimedBy === owner;
      const sameContent = (a: F, b: F) => model.sameContent?.(a, b) ?? deepEqual(a, b);

      /** What the user typed while the save was under way (the form stays editable). */
      const typedSince = (): F | null => {
        flush();
        const latest = draftStore.get<F>(agentId, model.id)?.values;
        return latest !== undefined && !deepEqual(latest, values) ? latest : null;
      };

      /** The save is done, at `revision` holding `config`; what was typed since stays a draft. */
      const settle = (config: AgentDetail['config'], revision: number) => {
        if (!sameOwner()) return;
        const later = typedSince();
        // Exactly, ids and all: an instruction just created must take the id staging gave it.
        // Line breaks aside: a text saved with its CRLFs put back is what the field shows with LFs.
        if (!later && deepEqual(withLfBreaks(model.fromConfig(config, ctx)), withLfBreaks(values))) {
          draftStore.clear(agentId, model.id);
          setCarried({ key: formKey, revision, generation });
          setSavedAt(Date.now());
          return;
        }
        if (later) {
          // Saved what was submitted; what was typed since stays a draft over the new revision.
          draftStore.set<F>(
            agentId,
            model.id,
            {
              base: model.fromConfig(config, ctx),
              baseRevision: revision,
              values: later,
              conflict: null,
            },
            unchangedIn(model),
          );
        } else {
          draftStore.clear(agentId, model.id);
        }
        setGeneration((g) => g + 1);
        setSavedAt(later ? null : Date.now());
      };

      /**
       * The save; and once more over the revision staging is at when a 412 was about another part
       * of the agent. Staging's revision counts every edit of the agent: a page that has not yet
       * seen someone's save of another section sends an older one. If the part this save changes
       * is still as the draft found it, there is nothing to choose between.
       */
      const runSave = async () => {
        const config = detail.config;
        try {
          return await run.mutateAsync({
            config,
            revision: revisionToSend(current, server, detail.stagingRevision),
            planner,
          });
        } catch (error) {
          const stale = staleRevisionOf(error);
          if (!stale || !(error instanceof EditRunError) || error.applied > 0) throw error;
          const now = configWithCurrent(error.failedOp, stale.current, config);
          // Ids and all: an instruction deleted and written again by someone is a change.
          if (!deepEqual(model.fromConfig(now, ctx), current.base)) throw error;
          planner = model.planner(current.base, values, ctx);
          return await run.mutateAsync({ config: now, revision: stale.current_revision, planner });
        }
      };

      try {
        const outcome = await runSave();
        settle(outcome.config, outcome.revision);
        return null;
      } catch (thrown) {
        if (!sameOwner()) return null;
        let error = thrown;
        let runError = error instanceof EditRunError ? error : null;
        // No answer: staging may hold the save all the same. If it holds exactly what was
        // submitted, the save is done, and saying otherwise would have the user save it again
        // (into a conflict with themselves).
        if (isLostAnswer(runError?.cause ?? error)) {
          const fresh = await readStagingAfterLostAnswer(queryClient, agentId);
          const now = fresh ? model.fromConfig(fresh.config, ctx) : null;
          if (fresh && now && sameContent(now, planner.target())) {
            settle(fresh.config, fresh.stagingRevision);
            return null;
          }
          // Or it went part of the way: it created items (an instruction inserted mid-list is
          // created at the end, then moved). With their ids, the rest of the save carries on
          // from what staging holds now, and nothing is created twice.
          const adopted = fresh && now ? model.adoptCreated?.(planner.target(), now, current.base) : null;
          if (fresh && adopted) {
            planner = model.planner(adopted.base, adopted.target, ctx);
            try {
              const outcome = await run.mutateAsync({
                config: fresh.config,
                revision: fresh.stagingRevision,
                planner,
              });
              settle(outcome.config, outcome.revision);
              return null;
            } catch (again) {
              if (!sameOwner()) return null;
              error = again;
              runError = again instanceof EditRunError ? again : null;
            }
          }
        }
        const later = typedSince();
        // Edits that went through are now the base; what is left of the draft stays a draft.
        let afterBase = current.base;
        let afterRevision = current.baseRevision;
        let afterValues = later ?? values;
        if (runError && runError.applied > 0) {
          afterBase = model.fromConfig(runError.config, ctx);
          afterRevision = runError.revision;
          afterValues = later ?? planner.target();
        }
        const stale = staleRevisionOf(error);
        let conflict: Conflict<F> | null = null;
        if (stale && runError) {
          const fresh = queryClient.getQueryData(agentQueries.detail(agentId).queryKey) ?? detail;
          const theirsConfig = configWithCurrent(runError.failedOp, stale.current, fresh.config);
          const theirs = model.fromConfig(theirsConfig, ctx);
          if (sameContent(theirs, planner.target())) {
            // Staging already holds exactly what was submitted (an earlier try whose answer was
            // lost, or the same change made elsewhere): nothing to choose between.
            settle(theirsConfig, stale.current_revision);
            return null;
          }
          conflict = {
            revision: stale.current_revision,
            by: stale.modified_by,
            on: stale.modified_on,
            theirs,
          };
        }
        draftStore.set<F>(
          agentId,
          model.id,
          { base: afterBase, baseRevision: afterRevision, values: afterValues, conflict },
          unchangedIn(model),
        );
        if (conflict) return null;
        const cause = runError?.cause ?? error;
        const placed =
          runError && isApiError(cause)
            ? placeFieldErrors(cause.fieldErrors, (field) =>
                model.errorPath(runError.failedOp, field, afterValues),
              )
            : { fields: {}, rest: [] as FieldMessage[] };
        const details = placed.rest.map((d) => ({
          label: runError ? model.errorLabel(runError.failedOp, normalizeFieldPath(d.field), ctx) : null,
          message: d.message,
        }));
        setFailure(failureOf(error, details));
        const fields = Object.keys(placed.fields).length > 0 ? placed.fields : null;
        setFieldErrors(fields);
        return fields;
      }
    },
    [agentId, model, ctx, detail, server, run, queryClient, writeValues, flush, formKey, generation],
  );

  const discard = useCallback(() => {
    pending.current?.cancel();
    pending.current = null;
    draftStore.clear(agentId, model.id);
    setFailure(null);
    setFieldErrors(null);
    setGeneration((g) => g + 1);
  }, [agentId, model.id]);

  const keepMine = useCallback(async () => {
    flush();
    const current = draftStore.get<F>(agentId, model.id);
    if (!current?.conflict) return null;
    const { theirs, revision } = current.conflict;
    const merged = model.merge(current.base ?? server, current.values, theirs);
    draftStore.set<F>(
      agentId,
      model.id,
      {
        base: theirs,
        baseRevision: revision,
        values: merged,
        conflict: null,
      },
      unchangedIn(model),
    );
    return save(merged, { base: theirs, revision });
  }, [agentId, model, server, flush, save]);

  const merge = useCallback((b: F, mine: F, theirs: F) => model.merge(b, mine, theirs), [model]);

  const takeTheirs = useCallback(() => {
    discard();
    void queryClient.invalidateQueries({ queryKey: agentQueries.detail(agentId).queryKey });
  }, [discard, queryClient, agentId]);

  return {
    formKey,
    merge,
    carriedSeed: carriedOn ? seed : null,
    initialValues,
    base,
    seed,
    dirty: draft?.dirty ?? false,
    conflict: draft?.conflict ?? null,
    conflictRevertedTo: revertBehind(draft?.conflict ?? null, detail.rolledBackTo),
    changedElsewhere:
      !draft?.conflict && partChangedSince(draft ? { base, baseRevision: draft.baseRevision } : null, server),
    saving: run.isPending,
    failure,
    fieldErrors,
    savedAt,
    canEdit,
    onValuesChange,
    save,
    discard,
    keepMine,
    takeTheirs,
  };
}

/**
 * The version an admin reverted staging to, when the save the user ran into was that revert:
 * the agent (fetched again after the refusal) says staging was rolled back by the same person
 * at the same moment.
 */
function revertBehind(conflict: Conflict<unknown> | null, rolledBackTo: RolledBackTo | null): number | null {
  if (!conflict || !rolledBackTo) return null;
  return rolledBackTo.by === conflict.by && rolledBackTo.on === conflict.on ? rolledBackTo.version : null;
}
