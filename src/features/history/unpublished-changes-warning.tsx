import { Alert, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { agentQueries } from '@/api/agents/queries';
import { ConsoleIcon } from '@/components/console-icon';

export interface UnpublishedChangesWarningProps {
  agentId: number;
  /** What the revert changes in staging (the preview's paths). */
  revertedPaths: ReadonlySet<string>;
}

/** Whether a revert that changes `reverted` overwrites a staging edit at `edited`. */
function overlaps(edited: string, reverted: ReadonlySet<string>): boolean {
  for (const path of reverted) {
    if (path === edited || path.startsWith(`${edited}/`) || edited.startsWith(`${path}/`)) return true;
  }
  return false;
}

/**
 * Lists the staging edits not in production that the revert would overwrite: of what staging
 * holds beyond production, only what the revert changes. An edit whose value the chosen version
 * holds too survives the revert and is not listed; when none would be lost, nothing is said.
 */
export function UnpublishedChangesWarning({ agentId, revertedPaths }: UnpublishedChangesWarningProps) {
  const stagingDiff = useQuery(agentQueries.stagingDiff(agentId));
  const changes =
    stagingDiff.data?.sections.flatMap((s) =>
      s.changes.filter((c) => overlaps(c.path, revertedPaths)).map((c) => ({ section: s.title, change: c })),
    ) ?? [];
  if (stagingDiff.isSuccess && changes.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<ConsoleIcon name="alert" size={20} />}
      title="Reverting overwrites unpublished changes in staging"
    >
      <Text size="sm">These changes in staging are not in production, and reverting would lose them:</Text>
      {stagingDiff.isPending ? (
        <Text size="sm" c="dimmed" mt={4}>
          Loading the list of unpublished changes…
        </Text>
      ) : changes.length > 0 ? (
        <List size="sm" mt={4} spacing={2}>
          {changes.map(({ section, change }) => (
            <List.Item key={change.path}>
              {section}: {change.label}
              {change.modifiedBy && (
                <Text span size="sm" opacity={0.75}>
                  {' '}
                  (by {change.modifiedBy})
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          {stagingDiff.error
            ? 'The list could not be loaded.'
            : 'Staging has been edited since the last publish.'}
        </Text>
      )}
    </Alert>
  );
}
