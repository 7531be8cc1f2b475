import { z } from 'zod';
import { lazySchema } from './lazy';
import { agentConfigReadSchema, sectionKeySchema } from './agent';
import {
  LIMITS,
  formatCount,
  idParamSchema,
  itemsPerPageParamSchema,
  multiLineString,
  pageParamSchema,
  searchParamSchema,
  paginationSchema,
  timestampSchema,
} from './common';
import { diffSchema } from './diff';

export const publishBodySchema = lazySchema(() =>
  z
    .object({
      note: multiLineString('A note')
        .trim()
        .max(LIMITS.note, `A note is at most ${formatCount(LIMITS.note)} characters`)
        .optional(),
      expected_fingerprint: z.string().max(200).optional(),
    })
    .strict(),
);
export type PublishBody = z.infer<typeof publishBodySchema>;

/** What the console asks of a reviewer before publishing: a note is required. */
export const publishFormSchema = lazySchema(() =>
  z.object({
    note: multiLineString('A note')
      .trim()
      .min(1, 'Say why this goes live')
      .max(LIMITS.note, `A note is at most ${formatCount(LIMITS.note)} characters`),
  }),
);

export const publisherSchema = lazySchema(() =>
  z.object({ id: z.number().int(), email: z.string(), name: z.string() }),
);
export type Publisher = z.infer<typeof publisherSchema>;

export const publishSummarySchema = lazySchema(() =>
  z.object({
    text: z.string(),
    sections: z.array(z.object({ key: sectionKeySchema, title: z.string(), count: z.number().int() })),
  }),
);
export type PublishSummary = z.infer<typeof publishSummarySchema>;

export const publishRecordWireSchema = lazySchema(() =>
  z.object({
    change_track_id: z.number().int(),
    version: z.number().int(),
    published_by: publisherSchema,
    published_on: timestampSchema,
    note: z.string().nullable(),
    summary: publishSummarySchema,
    rolled_back_to: z.number().int().nullable(),
    is_live: z.boolean(),
  }),
);
export type PublishRecordWire = z.infer<typeof publishRecordWireSchema>;

export const publishRecordDetailWireSchema = lazySchema(() =>
  publishRecordWireSchema.extend({
    snapshot: agentConfigReadSchema,
  }),
);
export type PublishRecordDetailWire = z.infer<typeof publishRecordDetailWireSchema>;

export const publishListWireSchema = lazySchema(() =>
  paginationSchema.extend({
    publish_records: z.array(publishRecordWireSchema),
  }),
);
export type PublishListWire = z.infer<typeof publishListWireSchema>;

export const publishListQuerySchema = lazySchema(() =>
  z.object({
    page: pageParamSchema,
    items_per_page: itemsPerPageParamSchema,
    published_by: searchParamSchema(LIMITS.publisherSearch).optional(),
    q: searchParamSchema(LIMITS.search).optional(),
  }),
);
export type PublishListQuery = z.infer<typeof publishListQuerySchema>;

export const nothingToPublishDataSchema = lazySchema(() => z.object({ has_changes: z.literal(false) }));
export const stagingChangedDetailsSchema = lazySchema(() => z.object({ current_fingerprint: z.string() }));

export const revertPreviewWireSchema = lazySchema(() =>
  z.object({
    change_track_id: z.number().int(),
    version: z.number().int(),
    staging: diffSchema,
    production: diffSchema,
    discards_unpublished_changes: z.boolean(),
  }),
);
export type RevertPreviewWire = z.infer<typeof revertPreviewWireSchema>;

export const rollbackBodySchema = lazySchema(() =>
  z.object({ change_track_id: z.number().int().positive() }).strict(),
);
export type RollbackBody = z.infer<typeof rollbackBodySchema>;

/** A compare ref: `production`, `staging`, or a change_track_id. */
export const compareRefSchema = lazySchema(() => z.union([z.enum(['production', 'staging']), idParamSchema]));
export type CompareRef = z.infer<typeof compareRefSchema>;
export const compareQuerySchema = lazySchema(() =>
  z.object({ from: compareRefSchema, to: compareRefSchema }),
);
