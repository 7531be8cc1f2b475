import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { SECTION_KEYS } from '@contract';
import type { Diff, DiffSection } from '@/api/adapter';
import { pluralize } from '@/lib/format-value';
import { changeDomId, DEFAULT_DIFF_ID_PREFIX, sectionDomId } from './dom-ids';
import { FieldChangeView } from './field-change-view';

export interface DiffSectionsProps {
  diff: Diff;
  beforeLabel: string;
  afterLabel: string;
  /** The sentence shown when the diff has no changes. */
  emptyText: string;
  /** Controls at the right of each section's title (a "Viewed" mark, ...). */
  renderSectionActions?: (section: DiffSection) => ReactNode;
  /** Prefix of the element ids, to tell two diffs on one page apart. */
  idPrefix?: string;
  /**
   * Words after each section's name, to tell its region from the same section of another diff
   * on the screen ("in staging": "Agent settings, in staging").
   */
  regionNameSuffix?: string;
}

const order = (key: string) => SECTION_KEYS.indexOf(key as (typeof SECTION_KEYS)[number]);

/** Sections in the contract's fixed order, present only where the server reports changes. */
export function orderedSections(diff: Diff): DiffSection[] {
  return diff.sections.filter((s) => s.changes.length > 0).sort((a, b) => order(a.key) - order(b.key));
}

/** A diff as the server gave it: sections with their counts, then each changed field. */
export function DiffSections({
  diff,
  beforeLabel,
  afterLabel,
  emptyText,
  renderSectionActions,
  idPrefix = DEFAULT_DIFF_ID_PREFIX,
  regionNameSuffix,
}: DiffSectionsProps) {
  const sections = orderedSections(diff);
  if (!diff.hasChanges || sections.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md">
        <Text c="dimmed" ta="center">
          {emptyText}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xl">
      {sections.map((section) => {
        const headingId = `${sectionDomId(idPrefix, section.key)}-title`;
        return (
          <section
            key={section.key}
            id={sectionDomId(idPrefix, section.key)}
            aria-labelledby={regionNameSuffix ? undefined : headingId}
            aria-label={regionNameSuffix ? `${section.title}, ${regionNameSuffix}` : undefined}
            data-section-key={section.key}
            tabIndex={-1}
            style={{ scrollMarginTop: 'var(--diff-scroll-margin, 16px)', outline: 'none' }}
          >
            <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Title order={3} size="h4" id={headingId}>
                  {section.title}
                </Title>
                <Badge variant="default" radius="sm" tt="none">
                  {pluralize(section.changes.length, 'change')}
                </Badge>
              </Group>
              {renderSectionActions?.(section)}
            </Group>
            <Stack gap="md">
              {section.changes.map((change) => (
                <div
                  key={change.path}
                  id={changeDomId(idPrefix, change.path)}
                  data-change-path={change.path}
                  tabIndex={-1}
                  style={{
                    scrollMarginTop: 'var(--diff-scroll-margin, 16px)',
                    borderRadius: 'var(--mantine-radius-md)',
                  }}
                >
                  <FieldChangeView
                    change={change}
                    beforeLabel={beforeLabel}
                    afterLabel={afterLabel}
                    sectionChanges={section.changes}
                  />
                </div>
              ))}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}
