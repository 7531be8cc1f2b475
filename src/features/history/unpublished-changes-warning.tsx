import { Alert, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { agentQueries } from '@/api/agents/queries';
import { ConsoleIcon } from '@/components/console-icon';

export interface UnpublishedChangesWarningProps {
  agentId: number;
}

/** Lists the staging edits that were never published and that a revert would overwrite. */
export function UnpublishedChangesWarning({ agentId }: UnpublishedChangesWarningProps) {
  const stagingDiff = useQuery(agentQueries.stagingDiff(agentId));
  const changes =
    stagingDiff.data?.sections.flatMap((s) => s.changes.map((c) => ({ section: s.title, change: c }))) ?? [];
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<ConsoleIcon name="alert" size={20} />}
      title="Reverting overwrites unpublished changes in staging"
    >
      <Text size="sm">These staging edits were never published and would be lost:</Text>
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
