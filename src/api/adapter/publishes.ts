import type {
  PublishListWire,
  PublishRecordDetailWire,
  PublishRecordWire,
  Publisher,
  PublishSummary,
  AgentConfig,
  RevertPreviewWire,
} from '@contract';
import { type Diff, toDiff } from './diff';
import { type Page, toPage } from './page';

export interface PublishRecord {
  changeTrackId: number;
  version: number;
  publishedBy: Publisher;
  publishedOn: string;
  note: string | null;
  summary: PublishSummary;
  /** change_track_id restored into staging before this publish, else null. */
  rolledBackTo: number | null;
  isLive: boolean;
}

export interface PublishRecordDetail extends PublishRecord {
  snapshot: AgentConfig;
}

export interface RevertPreview {
  changeTrackId: number;
  version: number;
  staging: Diff;
  production: Diff;
  discardsUnpublishedChanges: boolean;
}

export function toPublishRecord(w: PublishRecordWire): PublishRecord {
  return {
    changeTrackId: w.change_track_id,
    version: w.version,
    publishedBy: w.published_by,
    publishedOn: w.published_on,
    note: w.note,
    summary: w.summary,
    rolledBackTo: w.rolled_back_to,
    isLive: w.is_live,
  };
}

export function toPublishRecordDetail(w: PublishRecordDetailWire): PublishRecordDetail {
  return { ...toPublishRecord(w), snapshot: w.snapshot };
}

export function toPublishPage(w: PublishListWire): Page<PublishRecord> {
  return toPage(w, w.publish_records.map(toPublishRecord));
}

export function toRevertPreview(w: RevertPreviewWire): RevertPreview {
  return {
    changeTrackId: w.change_track_id,
    version: w.version,
    staging: toDiff(w.staging),
    production: toDiff(w.production),
    discardsUnpublishedChanges: w.discards_unpublished_changes,
  };
}
