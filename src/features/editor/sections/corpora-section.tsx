import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import type { AgentDetail } from '@/api/adapter';
import { catalogQueries } from '@/api/catalog/queries';
import { ConsoleIcon } from '@/components/console-icon';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import classes from '../editor.module.css';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import {
  NEW_CONNECTION,
  corporaModel,
  corpusName,
  sortedCorpusIds,
  type CorporaContext,
  type CorporaForm,
  type CorpusState,
} from '../model/corpora-model';
import { CorpusPicker } from './corpus-picker';

export interface CorporaSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

const corporaFormSchema = z.object({
  connections: z.record(z.string(), z.object({ is_enabled: z.boolean(), is_default: z.boolean() })),
});

/** Corpus connections: connect several from a picker, disconnect several, enable, choose the default. */
export function CorporaSection({ agentId, detail, canEdit }: CorporaSectionProps) {
  const { data: corpora } = useSuspenseQuery(catalogQueries.corpora());
  const connected = detail.config.knowledge_sources.corpora;
  const ctx = useMemo<CorporaContext>(
    () => ({ corpora, connectedNames: new Map(connected.map((c) => [c.corpus.id, c.corpus.name])) }),
    [corpora, connected],
  );
  const editor = useSectionEditor({ agentId, model: corporaModel, ctx, detail, canEdit });
  const describe = useMemo(() => (v: CorporaForm) => corporaModel.describe(v, ctx), [ctx]);

  return (
    <SectionCard
      title="Knowledge sources"
      description="Document collections the agent answers from. The default one is searched first."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <CorporaFormView key={editor.formKey} agentId={agentId} editor={editor} ctx={ctx} />
    </SectionCard>
  );
}

interface CorporaFormViewProps {
  agentId: number;
  editor: SectionEditor<CorporaForm>;
  ctx: CorporaContext;
}

function CorporaFormView({ agentId, editor, ctx }: CorporaFormViewProps) {
  const { form, submit, invalid } = useSectionForm(editor, corporaFormSchema);
  const [picking, setPicking] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const locked = !editor.canEdit;
  const connections = form.getValues().connections;
  const base = editor.base.connections;
  const rows = sortedCorpusIds([...Object.keys(base), ...Object.keys(connections)], ctx);
  const liveIds = Object.keys(connections);
  const defaultId = liveIds.find((id) => connections[id]?.is_default) ?? null;
  const connectedSet = new Set(liveIds);
  const selectedLive = selected.filter((id) => id in connections);

  // Disconnecting and undoing each take away the button pressed: the focus moves to the one that
  // takes its place in the row (after several, the first row's "Undo"), or to "Connect knowledge
  // sources" when the row goes too (a connection not saved yet).
  const root = useRef<HTMLFormElement>(null);
  const focusButton = (key: string) =>
    requestAnimationFrame(() =>
      root.current?.querySelector<HTMLButtonElement>(`[data-focus-key="${key}"]`)?.focus(),
    );

  const set = (next: Record<string, CorpusState>) => form.setFieldValue('connections', next);
  const disconnect = (ids: string[]) => {
    const next = { ...connections };
    for (const id of ids) delete next[id];
    set(next);
    setSelected((s) => s.filter((id) => !ids.includes(id)));
    const first = rows.find((id) => ids.includes(id) && id in base);
    focusButton(first ? `undo:${first}` : 'connect');
  };
  const restore = (id: string) => {
    set({ ...connections, [id]: { ...base[id]!, is_default: base[id]!.is_default && defaultId === null } });
    focusButton(`disconnect:${id}`);
  };
  const connect = (ids: string[]) => {
    const next = { ...connections };
    for (const id of ids) next[id] = base[id] ? { ...base[id], is_default: false } : NEW_CONNECTION;
    set(next);
  };
  const makeDefault = (id: string) =>
    set(Object.fromEntries(Object.entries(connections).map(([k, c]) => [k, { ...c, is_default: k === id }])));

  return (
    <form ref={root} onSubmit={submit} noValidate aria-label="Knowledge sources">
      <Stack px="lg" pb="lg" gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <EditLock locked={locked}>
              <Button
                leftSection={<ConsoleIcon name="plus" size={16} />}
                variant="light"
                onClick={() => setPicking(true)}
                data-focus-key="connect"
                disabled={locked}
              >
                Connect knowledge sources
              </Button>
            </EditLock>
            {selectedLive.length > 0 && (
              // Light, not subtle: Mantine draws a subtle button's text in shade 0 in the dark scheme,
              // near white, and a subtle red button lost its red there. The tint keeps it.
              <Button variant="light" color="red" onClick={() => disconnect(selectedLive)}>
                Disconnect {selectedLive.length.toLocaleString('en')} selected
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {liveIds.length.toLocaleString('en')} connected
          </Text>
        </Group>

        {rows.length === 0 ? (
          <Paper withBorder radius="md" p="lg" className={classes.subtle}>
            <Text size="sm" c="dimmed" ta="center">
              No knowledge source is connected. Connect one so the agent can answer from your documents.
            </Text>
          </Paper>
        ) : (
          // Below the sm breakpoint each row is a card (editor.module.css): the source's name above its
          // controls, so no column scrolls sideways away from the row it names. The roles keep it a
          // table for screen readers that drop table semantics once a row is no longer displayed as one.
          <Table.ScrollContainer minWidth={600} classNames={{ scrollContainerInner: classes.sourcesInner }}>
            <Table
              verticalSpacing="sm"
              highlightOnHover
              aria-label="Connected knowledge sources"
              className={classes.sources}
              role="table"
            >
              <Table.Thead role="rowgroup">
                <Table.Tr role="row">
                  <Table.Th w={40} role="columnheader" data-cell="select">
                    <Checkbox
                      aria-label="Select all knowledge sources"
                      disabled={locked || liveIds.length === 0}
                      checked={liveIds.length > 0 && selectedLive.length === liveIds.length}
                      indeterminate={selectedLive.length > 0 && selectedLive.length < liveIds.length}
                      onChange={(e) => setSelected(e.currentTarget.checked ? liveIds : [])}
                    />
                  </Table.Th>
                  <Table.Th role="columnheader" data-cell="name">
                    Knowledge source
                  </Table.Th>
                  <Table.Th w={110} role="columnheader" data-cell="enabled">
                    Enabled
                  </Table.Th>
                  <Table.Th w={90} role="columnheader" data-cell="default">
                    Default
                  </Table.Th>
                  <Table.Th w={110} role="columnheader" data-cell="actions">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody role="rowgroup">
                {rows.map((id) => {
                  const name = corpusName(Number(id), ctx);
                  const state = connections[id];
                  const catalog = ctx.corpora.find((c) => String(c.id) === id);
                  if (!state) {
                    return (
                      // Dimmed by its name's colour, not the row's opacity: faded with the row, the
                      // badge's red fell under WCAG AA's contrast.
                      <Table.Tr key={id} role="row">
                        <Table.Td role="cell" data-cell="select" />
                        <Table.Td role="cell" data-cell="name">
                          <Text size="sm" c="dimmed" td="line-through" className={classes.sourceName}>
                            {name}
                          </Text>
                          <Badge size="xs" color="red" variant="light">
                            Will be disconnected
                          </Badge>
                        </Table.Td>
                        <Table.Td role="cell" data-cell="enabled" />
                        <Table.Td role="cell" data-cell="default" />
                        <Table.Td role="cell" data-cell="actions">
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => restore(id)}
                            data-focus-key={`undo:${id}`}
                            // Begins with what it shows, so "click Undo" finds it by voice.
                            aria-label={`Undo disconnecting “${name}”`}
                          >
                            Undo
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  }
                  return (
                    <Table.Tr key={id} role="row">
                      <Table.Td role="cell" data-cell="select">
                        <Checkbox
                          aria-label={`Select “${name}”`}
                          disabled={locked}
                          checked={selected.includes(id)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
                          }}
                        />
                      </Table.Td>
                      <Table.Td role="cell" data-cell="name">
                        <Group gap={6}>
                          <Text size="sm" fw={600} className={classes.sourceName}>
                            {name}
                          </Text>
                          {!(id in base) && (
                            <Badge size="xs" color="teal" variant="light">
                              New
                            </Badge>
                          )}
                        </Group>
                        {catalog && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {catalog.document_count.toLocaleString('en-US')}{' '}
                            {catalog.document_count === 1 ? 'document' : 'documents'}
                            {catalog.description ? ` · ${catalog.description}` : ''}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td role="cell" data-cell="enabled">
                        <CellLabel>Enabled</CellLabel>
                        <EditLock locked={locked}>
                          <Switch
                            aria-label={`Enable “${name}”`}
                            checked={state.is_enabled}
                            disabled={locked}
                            onChange={(e) =>
                              form.setFieldValue(`connections.${id}.is_enabled`, e.currentTarget.checked)
                            }
                          />
                        </EditLock>
                      </Table.Td>
                      <Table.Td role="cell" data-cell="default">
                        <CellLabel>Default</CellLabel>
                        <EditLock locked={locked}>
                          <Radio
                            aria-label={`Make “${name}” the default`}
                            name="default-knowledge-source"
                            value={id}
                            checked={state.is_default}
                            disabled={locked}
                            onChange={() => makeDefault(id)}
                          />
                        </EditLock>
                      </Table.Td>
                      <Table.Td role="cell" data-cell="actions">
                        <EditLock locked={locked}>
                          <Tooltip label="Disconnect" disabled={locked}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Disconnect “${name}”`}
                              data-focus-key={`disconnect:${id}`}
                              disabled={locked}
                              onClick={() => disconnect([id])}
                            >
                              <ConsoleIcon name="trash" size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </EditLock>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {liveIds.length > 0 && defaultId === null && (
          <Text size="xs" c="dimmed">
            None of the connected knowledge sources is the default.
          </Text>
        )}
      </Stack>
      <CorpusPicker
        opened={picking}
        onClose={() => setPicking(false)}
        corpora={ctx.corpora}
        connected={connectedSet}
        onConnect={connect}
      />
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="Knowledge sources"
        saveLabel="Save knowledge sources"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}

interface CellLabelProps {
  children: string;
}

/**
 * The column's heading, inside the cell where a row shows as a card (a phone): there the table's
 * head row is out of sight. The control's own label already names it, so this is for the eye only.
 */
function CellLabel({ children }: CellLabelProps) {
  return (
    <Text component="span" size="xs" c="dimmed" className={classes.cellLabel} aria-hidden>
      {children}
    </Text>
  );
}
