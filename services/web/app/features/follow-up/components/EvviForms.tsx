// Over 300 lines: the EVVI assessment is one form of many fields (criteria, level, measures, opinion), kept whole.
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { authorLinks } from '../../../api/vocabulary.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import '../../../i18n/file-forms.ts';
import type { FileDetail } from '../api.ts';
import { type CommandBody, filled, inDays, useFieldErrors, useFileCommand } from '../commands.ts';

type RequestBody = CommandBody<'/files/{fileId}/evvi/requests'>;
type VersionBody = CommandBody<'/files/{fileId}/evvi/versions'>;
type Criteria = VersionBody['criteria'];

const requesters = [
  'prosecutor',
  'investigating-judge',
] as const satisfies readonly RequestBody['requestedBy'][];
const severities = [
  'none',
  'minor',
  'serious',
  'very-serious',
] as const satisfies readonly Criteria['harm']['physical'][];
const levels = ['low', 'moderate', 'high', 'very-high'] as const satisfies readonly VersionBody['level'][];
const measures = [
  'serious-danger-phone',
  'anti-approach-bracelet',
  'protection-order',
  'no-contact-order',
  'eviction-of-author',
  'shelter',
  'closed-door-hearing',
  'no-confrontation',
  'recorded-hearing',
  'interpreter',
  'support-person-at-hearings',
  'psychological-care',
  'specialised-association',
] as const satisfies readonly VersionBody['measures'][number][];

/** A prosecutor's or an investigating judge's request for an EVVI, with the day it is due. */
export function EvviRequestForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<RequestBody>({
    requestedBy: 'prosecutor',
    dueOn: inDays(14),
    reference: '',
  });
  const request = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/evvi/requests', {
        params: { path: { fileId } },
        headers,
        body: filled(body),
      }),
    ),
  );
  const errors = useFieldErrors(request.error, ['requestedBy', 'dueOn', 'reference']);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate(undefined);
      }}
    >
      <Fieldset legend={t('fileForms.evvi.requestLegend')}>
        <Stack gap="xs">
          <Group align="end">
            <NativeSelect
              label={t('file.evvi.requestedBy')}
              value={body.requestedBy}
              onChange={(e) =>
                setBody({ ...body, requestedBy: e.currentTarget.value as RequestBody['requestedBy'] })
              }
              data={requesters.map((r) => ({ value: r, label: t(`file.evvi.requesters.${r}`) }))}
              error={errors['requestedBy']}
            />
            <TextInput
              type="date"
              label={t('file.evvi.dueOn')}
              required
              value={body.dueOn}
              onChange={(e) => setBody({ ...body, dueOn: e.currentTarget.value })}
              error={errors['dueOn']}
            />
            <TextInput
              label={t('fileForms.reference')}
              value={body.reference ?? ''}
              onChange={(e) => setBody({ ...body, reference: e.currentTarget.value })}
              error={errors['reference']}
            />
            <Button type="submit" loading={request.isPending}>
              {t('fileForms.evvi.request')}
            </Button>
          </Group>
          {request.isError && <ProblemAlert error={request.error} />}
        </Stack>
      </Fieldset>
    </form>
  );
}

const blankCriteria = (): Criteria => ({
  harm: { physical: 'none', psychological: 'none', material: 'none' },
  circumstances: { discriminatoryMotive: false, sexistMotive: false, linkWithAuthor: 'unknown' },
  personal: { minor: false, elderly: false, pregnancy: false, disability: false },
  riskOfIntimidationOrReprisals: false,
  coerciveControl: false,
});

/**
 * The assessment, submitted as a new version: the criteria, the level, the measures recommended
 * and the opinion for the prosecutor (encrypted by the service); a later version says which new
 * facts called for it. Starts from the last version's criteria, level and measures.
 */
export function EvviVersionForm({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const { requests, versions } = file.evvi;
  const last = versions.at(-1);
  const pending = requests.filter((r) => r.answeredBy === undefined);
  const [criteria, setCriteria] = useState<Criteria>(blankCriteria);
  const [level, setLevel] = useState<VersionBody['level']>(
    (last?.level as VersionBody['level'] | undefined) ?? 'moderate',
  );
  const [chosen, setChosen] = useState<string[]>(last?.measures ?? []);
  const [requestId, setRequestId] = useState(pending[0]?.requestId ?? '');
  const [opinion, setOpinion] = useState('');
  const [newFacts, setNewFacts] = useState('');
  const submit = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/evvi/versions', {
        params: { path: { fileId: file.fileId } },
        headers,
        body: {
          criteria,
          level,
          measures: chosen as VersionBody['measures'],
          opinion,
          ...filled({ requestId, newFacts: newFacts.trim() }),
        },
      }),
    ),
  );
  const errors = useFieldErrors(submit.error, [
    'requestId',
    'criteria.harm.physical',
    'criteria.harm.psychological',
    'criteria.harm.material',
    'criteria.circumstances.linkWithAuthor',
    'criteria.personal',
    'level',
    'measures',
    'opinion',
    'newFacts',
  ]);
  const harm = (key: keyof Criteria['harm']) => (
    <NativeSelect
      label={t(`fileForms.evvi.harm.${key}`)}
      value={criteria.harm[key]}
      onChange={(e) => setCriteria({ ...criteria, harm: { ...criteria.harm, [key]: e.currentTarget.value } })}
      data={severities.map((s) => ({ value: s, label: t(`fileForms.evvi.severity.${s}`) }))}
      error={errors[`criteria.harm.${key}`]}
    />
  );
  const personal = (key: keyof Criteria['personal']) => (
    <Checkbox
      label={t(`fileForms.evvi.personal.${key}`)}
      checked={criteria.personal[key]}
      onChange={(e) =>
        setCriteria({ ...criteria, personal: { ...criteria.personal, [key]: e.currentTarget.checked } })
      }
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(undefined, { onSuccess: () => setNewFacts('') });
      }}
    >
      <Fieldset legend={t('fileForms.evvi.versionLegend', { version: (last?.version ?? 0) + 1 })}>
        <Stack gap="sm">
          {requests.length > 0 && (
            <NativeSelect
              label={t('fileForms.evvi.answers')}
              value={requestId}
              onChange={(e) => setRequestId(e.currentTarget.value)}
              data={[
                { value: '', label: t('fileForms.evvi.noRequest') },
                ...requests.map((r) => ({
                  value: r.requestId,
                  label: `${t(`file.evvi.requesters.${r.requestedBy}`, { defaultValue: r.requestedBy })} · ${r.dueOn}`,
                })),
              ]}
              error={errors['requestId']}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {harm('physical')}
            {harm('psychological')}
            {harm('material')}
          </SimpleGrid>
          <Group align="end">
            <NativeSelect
              label={t('fileForms.evvi.linkWithAuthor')}
              value={criteria.circumstances.linkWithAuthor}
              onChange={(e) =>
                setCriteria({
                  ...criteria,
                  circumstances: {
                    ...criteria.circumstances,
                    linkWithAuthor: e.currentTarget.value as Criteria['circumstances']['linkWithAuthor'],
                  },
                })
              }
              data={authorLinks.map((l) => ({ value: l, label: t(`authorLink.${l}`) }))}
              error={errors['criteria.circumstances.linkWithAuthor']}
            />
            <Checkbox
              label={t('fileForms.evvi.discriminatoryMotive')}
              checked={criteria.circumstances.discriminatoryMotive}
              onChange={(e) =>
                setCriteria({
                  ...criteria,
                  circumstances: { ...criteria.circumstances, discriminatoryMotive: e.currentTarget.checked },
                })
              }
            />
            <Checkbox
              label={t('fileForms.evvi.sexistMotive')}
              checked={criteria.circumstances.sexistMotive}
              onChange={(e) =>
                setCriteria({
                  ...criteria,
                  circumstances: { ...criteria.circumstances, sexistMotive: e.currentTarget.checked },
                })
              }
            />
          </Group>
          <Group>
            {personal('minor')}
            {personal('elderly')}
            {personal('pregnancy')}
            {personal('disability')}
            <Checkbox
              label={t('fileForms.evvi.reprisals')}
              checked={criteria.riskOfIntimidationOrReprisals}
              onChange={(e) =>
                setCriteria({ ...criteria, riskOfIntimidationOrReprisals: e.currentTarget.checked })
              }
            />
            <Checkbox
              label={t('fileForms.evvi.coerciveControl')}
              checked={criteria.coerciveControl}
              onChange={(e) => setCriteria({ ...criteria, coerciveControl: e.currentTarget.checked })}
            />
          </Group>
          <NativeSelect
            label={t('file.evvi.level')}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value as VersionBody['level'])}
            data={levels.map((l) => ({ value: l, label: t(`file.evvi.levels.${l}`) }))}
            error={errors['level']}
            maw={240}
          />
          <Checkbox.Group
            label={t('fileForms.evvi.measures')}
            value={chosen}
            onChange={setChosen}
            error={errors['measures']}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {measures.map((m) => (
                <Checkbox key={m} value={m} label={t(`fileForms.evvi.measure.${m}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('fileForms.evvi.opinion')}
            required
            autosize
            minRows={3}
            value={opinion}
            onChange={(e) => setOpinion(e.currentTarget.value)}
            error={errors['opinion']}
          />
          {last && (
            <Textarea
              label={t('fileForms.evvi.newFacts')}
              autosize
              minRows={2}
              value={newFacts}
              onChange={(e) => setNewFacts(e.currentTarget.value)}
              error={errors['newFacts']}
            />
          )}
          {submit.isError && <ProblemAlert error={submit.error} />}
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {t('fileForms.evvi.submit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
