/**
 * What a revert preview amounts to, as one case the modal can name in a sentence. The server's
 * preview holds two diffs: staging now → staging once reverted, and production now →
 * production once that staging is published.
 */

export interface RevertPreviewShape {
  version: number;
  staging: { hasChanges: boolean };
  production: { hasChanges: boolean };
}

export type RevertOutcomeKind =
  /** Staging and production both already hold the version. */
  | 'nothing-to-revert'
  /** Production holds it; staging has drifted: reverting only throws staging's edits away. */
  | 'discard-only'
  /** Staging holds it already (typically just reverted); publishing would make it live. */
  | 'already-staged'
  /** The ordinary case: staging changes now, production when staging is published. */
  | 'revert';

export interface RevertOutcome {
  kind: RevertOutcomeKind;
  /** Whether confirming would change anything. */
  changesStaging: boolean;
  sentence: string;
}

export function revertOutcome(preview: RevertPreviewShape, isLive: boolean): RevertOutcome {
  const v = `version ${preview.version}`;
  const V = `Version ${preview.version}`;
  const staging = preview.staging.hasChanges;
  const production = preview.production.hasChanges;
  if (!staging && !production) {
    return {
      kind: 'nothing-to-revert',
      changesStaging: false,
      sentence: isLive
        ? `${V} is what is live and staging equals it: nothing to revert.`
        : `Live and staging both already hold the configuration of ${v}: nothing to revert.`,
    };
  }
  if (staging && !production) {
    return {
      kind: 'discard-only',
      changesStaging: true,
      sentence: isLive
        ? `${V} is what is live. Reverting only discards what staging holds beyond it; production would not change.`
        : `Production already holds the configuration of ${v}. Reverting only discards what staging holds beyond it; production would not change.`,
    };
  }
  if (!staging && production) {
    return {
      kind: 'already-staged',
      changesStaging: false,
      sentence: `Staging already equals ${v}: reverting would change nothing. Publish staging to make it live.`,
    };
  }
  return {
    kind: 'revert',
    changesStaging: true,
    sentence: `Reverting puts the configuration of ${v} into staging. Production stays as it is until staging is published.`,
  };
}
