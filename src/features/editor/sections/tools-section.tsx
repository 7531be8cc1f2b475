import { Badge, Button, Collapse, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { AgentDetail } from '@/api/adapter';
import { catalogQueries } from '@/api/catalog/queries';
import { parseJsonConfig } from '@/lib/json-config';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import classes from '../editor.module.css';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { checkOnLeave, useSectionForm } from '../use-section-form';
import {
  actionName,
  sameConfig,
  toolName,
  toolsFormSchema,
  toolsModel,
  type ToolsContext,
  type ToolsForm,
} from '../model/tools-model';
import { ActionConfigField } from './action-config-field';

export interface ToolsSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

/** Every tool of the organisation, enabled or not for this agent; per enabled tool, its actions and their configuration. */
export function ToolsSection({ agentId, detail, canEdit }: ToolsSectionProps) {
  const { data: orgTools } = useSuspenseQuery(catalogQueries.tools());
  const linked = detail.config.tools;
  const ctx = useMemo<ToolsContext>(() => ({ orgTools, linked }), [orgTools, linked]);
  const editor = useSectionEditor({ agentId, model: toolsModel, ctx, detail, canEdit });
  const describe = useMemo(() => (v: ToolsForm) => toolsModel.describe(v, ctx), [ctx]);
  // Which configurations are open outlives the form, which a save may draw anew.
  const [open, setOpen] = useState<readonly string[]>([]);

  return (
    <SectionCard
      title="Tools"
      description="What the agent can do beyond answering: each tool of the organisation, and the actions of those it uses."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <ToolsFormView
        key={editor.formKey}
        agentId={agentId}
        editor={editor}
        ctx={ctx}
        open={open}
        setOpen={setOpen}
      />
    </SectionCard>
  );
}

interface ToolsFormViewProps {
  agentId: number;
  editor: SectionEditor<ToolsForm>;
  ctx: ToolsContext;
  /** The actions (`tool:action`) whose configuration is open. */
  open: readonly string[];
  setOpen: Dispatch<SetStateAction<readonly string[]>>;
}

function ToolsFormView({ agentId, editor, ctx, open, setOpen }: ToolsFormViewProps) {
  const { form, submit, invalid } = useSectionForm(editor, toolsFormSchema);
  const locked = !editor.canEdit;
  const tools = form.getValues().tools;
  const base = editor.base.tools;
  const ids = Object.keys(tools).sort((a, b) =>
    toolName(Number(a), ctx).localeCompare(toolName(Number(b), ctx)),
  );

  const toggleOpen = (key: string) =>
    setOpen((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key]));
  // A configuration left by pressing its own "Hide configuration" is checked after that click,
  // when it is already closed: its message would open it again under the user's hand, so a
  // closed one is not checked (its row says it needs fixing; Save checks it and opens it).
  const openNow = useRef(open);
  useLayoutEffect(() => {
    openNow.current = open;
  }, [open]);

  // A configuration an error opens stays open once it is fixed: closing under the keys that fix
  // it would take the focus, and what is typed next, with it. Before paint, so it never flickers.
  const { errors } = form;
  useLayoutEffect(() => {
    const errored = Object.keys(errors)
      .map((path) => /^tools\.(\d+)\.actions\.(\d+)\.config$/.exec(path))
      .filter((m) => m !== null)
      .map(([, toolId, actionId]) => `${toolId}:${actionId}`);
    if (errored.length > 0)
      setOpen((o) => (errored.every((k) => o.includes(k)) ? o : [...new Set([...o, ...errored])]));
  }, [errors, setOpen]);

  return (
    <form onSubmit={submit} noValidate aria-label="Tools">
      <Stack px="lg" pb="lg" gap="sm">
        {ids.length === 0 && (
          <Paper withBorder radius="md" p="lg" className={classes.subtle}>
            <Text size="sm" c="dimmed" ta="center">
              The organisation has no tools yet.
            </Text>
          </Paper>
        )}
        {ids.map((id) => {
          const tool = tools[id]!;
          const wasOn = base[id]?.enabled ?? false;
          const org = ctx.orgTools.find((t) => String(t.id) === id);
          const name = toolName(Number(id), ctx);
          const actionIds = Object.keys(tool.actions);
          const actionsChanged = actionIds.some((actionId) => {
            const was = base[id]?.actions[actionId];
            const now = tool.actions[actionId]!;
            return !sameConfig(was?.config, now.config) || was?.enabled !== now.enabled;
          });
          return (
            <Paper key={id} withBorder radius="md" p="md" component="article" aria-label={`Tool “${name}”`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{name}</Text>
                    {org?.type && (
                      <Badge size="xs" variant="outline" color="gray">
                        {org.type}
                      </Badge>
                    )}
                    {tool.enabled !== wasOn && (
                      <Badge size="xs" variant="light" color="yellow">
                        {tool.enabled ? 'Will be enabled' : 'Will be disabled'}
                      </Badge>
                    )}
                  </Group>
                  {org?.description && (
                    <Text size="sm" c="dimmed">
                      {org.description}
                    </Text>
                  )}
                </Stack>
                <EditLock locked={locked}>
                  <Switch
                    aria-label={`Enable tool “${name}”`}
                    label={tool.enabled ? 'Enabled' : 'Disabled'}
                    labelPosition="left"
                    disabled={locked}
                    key={form.key(`tools.${id}.enabled`)}
                    {...form.getInputProps(`tools.${id}.enabled`, { type: 'checkbox' })}
                  />
                </EditLock>
              </Group>

              {tool.enabled && !wasOn && (
                <Text size="sm" c="dimmed" mt="sm">
                  Save to enable “{name}”; its actions can be configured once it is enabled.
                </Text>
              )}
              {!tool.enabled && wasOn && actionIds.length > 0 && (
                <Text size="sm" c="dimmed" mt="sm">
                  Its actions and their configuration are kept, and return if the tool is enabled again.
                  {actionsChanged &&
                    ' Your changes to its actions below are saved before it is switched off.'}
                </Text>
              )}

              {wasOn && (tool.enabled || actionsChanged) && (
                <Stack gap="xs" mt="md">
                  {actionIds.length === 0 && (
                    <Text size="sm" c="dimmed">
                      This tool has no actions.
                    </Text>
                  )}
                  {actionIds.map((actionId) => {
                    const action = tool.actions[actionId]!;
                    const key = `${id}:${actionId}`;
                    const path = `tools.${id}.actions.${actionId}.config`;
                    const label = actionName(Number(id), Number(actionId), ctx);
                    const orgAction = org?.actions.find((a) => String(a.id) === actionId);
                    const error = form.errors[path];
                    const changed = !sameConfig(base[id]?.actions[actionId]?.config, action.config);
                    const expanded = open.includes(key);
                    const parsed = parseJsonConfig(action.config);
                    const summary = parsed.ok
                      ? Object.keys(parsed.config).length === 0
                        ? 'No settings'
                        : Object.keys(parsed.config).join(', ')
                      : 'Needs fixing';
                    return (
                      <Paper key={actionId} withBorder radius="sm" p="sm" className={classes.subtle}>
                        {/* On a phone the controls go under the action's name and description,
                            which keep the row's width; side by side as soon as both fit. */}
                        <Group justify="space-between" wrap="wrap" gap="sm">
                          <Stack gap={0} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                            <Group gap={6}>
                              <Text size="sm" fw={600}>
                                {label}
                              </Text>
                              {changed && (
                                <Badge size="xs" variant="light" color="yellow">
                                  Configuration edited
                                </Badge>
                              )}
                            </Group>
                            {/* The error colour the theme makes readable in both schemes: plain red is
                                4.3:1 on this grey, under WCAG AA. */}
                            <Text
                              size="xs"
                              c={parsed.ok ? 'dimmed' : 'var(--mantine-color-error)'}
                              lineClamp={2}
                            >
                              {orgAction?.description ? `${orgAction.description} · ` : ''}
                              {summary}
                            </Text>
                          </Stack>
                          <Group gap="sm" wrap="nowrap" ml="auto">
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => toggleOpen(key)}
                              aria-expanded={expanded}
                              aria-label={`${expanded ? 'Hide' : locked ? 'Show' : 'Edit'} configuration of “${label}”`}
                            >
                              {expanded
                                ? 'Hide configuration'
                                : locked
                                  ? 'Show configuration'
                                  : 'Edit configuration'}
                            </Button>
                            <EditLock locked={locked}>
                              <Switch
                                aria-label={`Enable action “${label}” of “${name}”`}
                                label={action.enabled ? 'On' : 'Off'}
                                labelPosition="left"
                                disabled={locked}
                                key={form.key(`tools.${id}.actions.${actionId}.enabled`)}
                                {...form.getInputProps(`tools.${id}.actions.${actionId}.enabled`, {
                                  type: 'checkbox',
                                })}
                              />
                            </EditLock>
                          </Group>
                        </Group>
                        <Collapse expanded={expanded}>
                          <div style={{ paddingTop: 'var(--mantine-spacing-sm)' }}>
                            <ActionConfigField
                              label={`Configuration of “${label}”`}
                              value={action.config}
                              onChange={(v) => form.setFieldValue(path, v)}
                              onBlur={(event) =>
                                checkOnLeave(event, () => {
                                  if (openNow.current.includes(key)) form.validateField(path);
                                })
                              }
                              error={error}
                              readOnly={locked}
                            />
                          </div>
                        </Collapse>
                      </Paper>
                    );
                  })}
                </Stack>
              )}
            </Paper>
          );
        })}
      </Stack>
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="Tools"
        saveLabel="Save tools"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}
