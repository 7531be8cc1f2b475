import { Alert, Skeleton, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { agentQueries, can } from '@/api/agents/queries';
import { ConsoleIcon } from '@/components/console-icon';
import { useDirtyForms } from './draft-store';
import { EditorNav } from './editor-nav';
import classes from './editor.module.css';
import { parseSection, sectionList, sectionsOfForms, type EditorSectionId } from './editor-sections';
import { LeaveGuard } from './leave-guard';
import { AccessSection } from './sections/access-section';
import { CorporaSection } from './sections/corpora-section';
import { GuardrailsSection } from './sections/guardrails-section';
import { InstructionsSection } from './sections/instructions-section';
import { SettingsSection } from './sections/settings-section';
import { SharepointSection } from './sections/sharepoint-section';
import { ToolsSection } from './sections/tools-section';

export interface AgentEditorProps {
  agentId: number;
}

/**
 * The Edit tab: the editor's workspace for staging. A section nav (with a dot on each section
 * holding unsaved changes) beside the open section, which saves on its own. The open section
 * is in the URL (`?section=tools`).
 */
export function AgentEditor({ agentId }: AgentEditorProps) {
  const { data: detail } = useSuspenseQuery(agentQueries.detail(agentId));
  const { data: permissions } = useSuspenseQuery(agentQueries.permissions(agentId));
  const canEdit = can(permissions, 'edit');
  const [params] = useSearchParams();
  const section = parseSection(params.get('section'));
  const dirtyForms = useDirtyForms(agentId);
  const unsaved = sectionsOfForms(dirtyForms);

  const hrefOf = (id: EditorSectionId) => {
    const next = new URLSearchParams(params);
    next.set('section', id);
    return `?${next.toString()}`;
  };

  const props = { agentId, detail, canEdit };
  return (
    <>
      <div className={classes.layout}>
        <div className={classes.rail}>
          <EditorNav
            agentId={agentId}
            active={section}
            unsaved={unsaved}
            hasUnpublishedChanges={detail.hasUnpublishedChanges}
            hrefOf={hrefOf}
          />
        </div>
        <Stack gap="lg" className={classes.content}>
          {!canEdit && (
            <Alert
              variant="light"
              color="gray"
              radius="md"
              icon={<ConsoleIcon name="key" />}
              title="View only"
              // A standing note, not an alert: nothing went wrong (Mantine's Alert says role=alert).
              role="note"
            >
              <Text size="sm">
                Your role can see this agent’s staging configuration but not change it. Ask an administrator
                for the edit permission to make changes.
              </Text>
            </Alert>
          )}
          <Suspense fallback={<SectionSkeleton />}>
            {section === 'settings' && <SettingsSection {...props} />}
            {section === 'access' && <AccessSection {...props} />}
            {section === 'instructions' && <InstructionsSection {...props} />}
            {section === 'knowledge' && (
              <>
                <CorporaSection {...props} />
                <SharepointSection {...props} />
              </>
            )}
            {section === 'tools' && <ToolsSection {...props} />}
            {section === 'guardrails' && <GuardrailsSection {...props} />}
          </Suspense>
        </Stack>
      </div>
      <LeaveGuard unsaved={sectionList(unsaved)} />
    </>
  );
}

export function SectionSkeleton() {
  return (
    <Stack gap="md" aria-busy aria-label="Loading the section">
      <Skeleton height={28} width="30%" />
      <Skeleton height={120} />
      <Skeleton height={240} />
    </Stack>
  );
}
