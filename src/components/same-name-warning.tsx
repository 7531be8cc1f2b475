import { Alert, Text } from '@mantine/core';
import { ConsoleIcon } from './console-icon';

export interface SameNameWarningProps {
  /** The agent that already goes by the name. */
  agent: { name: string; project: { name: string } };
  /** What the user may still do with the name: "create this one", "save this name". */
  stillYouCan: string;
}

/**
 * Another agent of the project already has the name being typed. A warning, not a refusal (the
 * contract lets names repeat): two agents of one name are easy to mix up in lists and history.
 */
export function SameNameWarning({ agent, stillYouCan }: SameNameWarningProps) {
  return (
    <Alert color="yellow" variant="light" icon={<ConsoleIcon name="alert" />} role="status" p="xs">
      {/* A name may be one long word: it breaks rather than hiding the rest of the sentence. */}
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {agent.project.name} already has an agent called “{agent.name}”. You can still {stillYouCan}; a
        different name keeps the two apart.
      </Text>
    </Alert>
  );
}
