import { Alert, Badge, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { type FileDetail, fileQuery } from '../api.ts';
import { ActionForm } from './ActionForm.tsx';
import { ContactPanel } from './ContactPanel.tsx';
import { ClosurePanel, CompensationPanel, EvviPanel, ProcedurePanel, TasksPanel } from './FileSections.tsx';
import { MediationPanel } from './LifecycleForms.tsx';
import { Timeline } from './Timeline.tsx';

const route = getRouteApi('/app/files/$fileId');
const tabs = [
  'timeline',
  'contact',
  'tasks',
  'procedure',
  'compensation',
  'evvi',
  'mediation',
  'closure',
] as const;

/** A file: who, the facts, and its parts in tabs (the timeline first); every read is logged by the service. */
export function FilePage() {
  const { t } = useTranslation();
  const { fileId } = route.useParams();
  const query = useQuery(fileQuery(fileId));
  return (
    <QueryState query={query}>
      {(file) => (
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('file.title', { id: file.caseId.slice(0, 8) })}
            </Title>
            <Badge size="lg">{t(`fileStatus.${file.status}`)}</Badge>
          </Group>
          {file.readOnly && <Alert color="gray">{t('file.readOnly')}</Alert>}
          <FileFacts file={file} />
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List aria-label={t('file.tabs.label')}>
              {tabs.map((tab) => (
                <Tabs.Tab key={tab} value={tab}>
                  {t(`file.tabs.${tab}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="md">
              {file.status === 'open' && (
                <Card withBorder mb="md">
                  <ActionForm fileId={file.fileId} />
                </Card>
              )}
              <Timeline file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="contact" pt="md">
              <ContactPanel file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="tasks" pt="md">
              <TasksPanel file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="procedure" pt="md">
              <ProcedurePanel file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="compensation" pt="md">
              <CompensationPanel file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="evvi" pt="md">
              <EvviPanel file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="mediation" pt="md">
              <MediationPanel file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="closure" pt="md">
              <ClosurePanel file={file} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}

function FileFacts({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const identity = file.personal?.identity;
  const fact = (label: string, value: string) => (
    <Text size="sm">
      <b>{t('fact', { label })}</b> {value}
    </Text>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('file.victim')}
        </Title>
        {file.personal ? (
          <Stack gap={4}>
            <Text fw={600}>{[identity?.firstName, identity?.lastName].filter(Boolean).join(' ') || '—'}</Text>
            {file.personal.birthDate && (
              <Text size="sm">
                {t('file.born', { date: formatDate(file.personal.birthDate, i18n.language) })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm">{t('file.erased')}</Text>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('file.facts')}
        </Title>
        <Stack gap={4}>
          {fact(
            t('referral.offence'),
            t(`offence.${file.facts.offenceCategory}`, { defaultValue: file.facts.offenceCategory }),
          )}
          {file.facts.authorLink &&
            fact(t('call.situation.authorLink'), t(`authorLink.${file.facts.authorLink}`))}
          {fact(t('referral.urgency'), t(`urgency.${file.facts.urgency}`))}
          {fact(
            t('referral.needs'),
            file.facts.needs.map((n) => t(`need.${n}`, { defaultValue: n })).join(', ') || '—',
          )}
          {fact(t('files.openedAt'), formatDateTime(file.openedAt, i18n.language))}
          {fact(t('files.caseworker'), file.caseworkerId ?? t('files.unassigned'))}
          {fact(t('file.office'), file.officeId)}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
