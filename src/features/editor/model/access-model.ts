import { z } from 'zod';
import {
  LIMITS,
  accessSchema,
  normalizeTag,
  sameTag,
  tagSchema,
  type Access,
  type AgentConfig,
} from '@contract';
import { deepEqual } from '@/lib/deep-equal';
import { diffTags, effectiveTagDiff, isEmptyTagDiff, mergeTags, normalizeTags } from '@/lib/tag-diff';
import { sentOnce, type SectionModel } from './section-model';

export type AccessForm = {
  access: Access;
  tags: string[];
};

export const accessFormSchema = z.object({
  access: accessSchema,
  tags: z.array(tagSchema).max(LIMITS.tags, `An agent has at most ${LIMITS.tags.toLocaleString('en')} tags`),
});

/**
 * Why a tag cannot be saved, in words for its own chip (the field's message names only one), or
 * null when it can. Checked on the tag as the server would hold it: trimmed, spaces made one.
 */
export function tagProblem(tag: string): string | null {
  const checked = tagSchema.safeParse(tag);
  if (checked.success) return null;
  const length = normalizeTag(tag).length;
  if (length > LIMITS.tag)
    return `Too long: ${length.toLocaleString('en')} characters, a tag is at most ${LIMITS.tag.toLocaleString('en')}`;
  return checked.error.issues[0]?.message ?? 'This tag cannot be saved';
}

/**
 * The tag already held that `typed` would repeat (in any case, spaces made one), as the chip
 * shows it; undefined when it is new.
 */
export function heldTag(tags: readonly string[], typed: string): string | undefined {
  const held = tags.find((tag) => sameTag(normalizeTag(tag), normalizeTag(typed)));
  return held === undefined ? undefined : normalizeTag(held);
}

export const accessModel: SectionModel<AccessForm, void> = {
  id: 'access',
  fromConfig: (config: AgentConfig) => ({
    access: config.agent_settings.access,
    tags: config.agent_settings.tags,
  }),
  planner(base, target) {
    const sent = sentOnce();
    return {
      target: () => target,
      next(config) {
        if (!sent.has('access')) {
          sent.mark('access');
          if (base.access !== target.access && config.agent_settings.access !== target.access) {
            return { kind: 'access', access: target.access };
          }
        }
        if (!sent.has('tags')) {
          sent.mark('tags');
          const diff = effectiveTagDiff(config.agent_settings.tags, diffTags(base.tags, target.tags));
          if (!isEmptyTagDiff(diff)) return { kind: 'tags', ...diff };
        }
        return null;
      },
    };
  },
  merge: (base, mine, theirs) => ({
    access: mine.access !== base.access ? mine.access : theirs.access,
    tags: deepEqual(normalizeTags(mine.tags), normalizeTags(base.tags))
      ? theirs.tags
      : mergeTags(base.tags, mine.tags, theirs.tags),
  }),
  describe: (values) => ({
    access: { label: 'Access', value: values.access },
    tags: { label: 'Tags', value: [...normalizeTags(values.tags)].sort() },
  }),
  errorPath(op, field) {
    if (op.kind === 'access') return 'access';
    if (op.kind === 'tags' || field === 'add' || field === 'remove' || field.startsWith('add.'))
      return 'tags';
    return null;
  },
  errorLabel: (op) => (op.kind === 'access' ? 'Access level' : 'Tags'),
};
