import { Badge, Box, Progress, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { DiffSection } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import classes from './review.module.css';

export interface SectionIndexProps {
  sections: readonly DiffSection[];
  activeKey: string | null;
  isViewed: (key: string) => boolean;
  viewed: number;
  onJump: (section: DiffSection) => void;
}

/** The sticky index: sections with their counts and viewed marks, and how far the review got. */
export function SectionIndex({ sections, activeKey, isViewed, viewed, onJump }: SectionIndexProps) {
  const total = sections.length;
  return (
    <Box component="nav" aria-label="Sections">
      <Text fw={600} size="sm" mb={6}>
        Sections
      </Text>
      <Progress value={total === 0 ? 0 : (viewed / total) * 100} size="sm" aria-hidden mb={4} />
      <Text size="xs" c="dimmed" mb="xs" aria-live="polite">
        {viewed} of {total} {total === 1 ? 'section' : 'sections'} viewed
      </Text>
      <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {sections.map((section) => {
          const done = isViewed(section.key);
          return (
            <li key={section.key}>
              <UnstyledButton
                className={classes.indexItem}
                data-active={activeKey === section.key || undefined}
                onClick={() => onJump(section)}
              >
                <ThemeIcon
                  size={18}
                  radius="xl"
                  variant={done ? 'filled' : 'default'}
                  color={done ? 'teal' : undefined}
                >
                  {done ? <ConsoleIcon name="check" size={12} /> : null}
                </ThemeIcon>
                {/* The name is the text shown, in its order, then what the count and the mark
                    mean: "Agent settings 2 changes, viewed". */}
                <Text span inherit style={{ flex: 1 }} truncate>
                  {section.title}
                </Text>{' '}
                <Badge size="sm" variant="default" radius="sm">
                  {section.changes.length}
                  <VisuallyHidden>
                    {section.changes.length === 1 ? ' change' : ' changes'}
                    {done ? ', viewed' : ''}
                  </VisuallyHidden>
                </Badge>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </Box>
  );
}
