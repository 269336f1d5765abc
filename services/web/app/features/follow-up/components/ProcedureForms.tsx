// Over 300 lines: the procedure's five entry forms share one frame (EntryForm) and one accordion, kept together.
import {
  Accordion,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import '../../../i18n/file-forms.ts';
import type { FileDetail } from '../api.ts';
import {
  type CommandBody,
  filled,
  localInputValue,
  today,
  useFieldErrors,
  useFileCommand,
} from '../commands.ts';

type Complaint = CommandBody<'/files/{fileId}/complaint'>;
type Prosecution = CommandBody<'/files/{fileId}/prosecution'>;
type Appeal = CommandBody<'/files/{fileId}/judgments/{judgmentId}/appeal'>;

const authorities = [
  'police',
  'gendarmerie',
  'prosecutor',
  'investigating-judge',
] as const satisfies readonly Complaint['with'][];
const decisions = [
  'prosecution',
  'judicial-investigation',
  'alternative-measure',
  'dismissal',
] as const satisfies readonly Prosecution['decision'][];
const parties = ['victim', 'defendant', 'prosecutor'] as const satisfies readonly Appeal['party'][];

/** One entry form of the procedure: a form (Enter submits), its errors on its fields and in its alert. */
function EntryForm({
  onSubmit,
  pending,
  error,
  submit,
  children,
}: {
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  submit: string;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="xs">
        <Group align="end">{children}</Group>
        {error ? <ProblemAlert error={error} /> : null}
        <Group>
          <Button type="submit" loading={pending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The procedure's entries, each in its own section: complaint, decision, hearing, judgment, appeal. */
export function ProcedureForms({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const judgments = Object.values(file.procedure.judgments);
  const items: [string, ReactNode][] = [
    // One complaint per file: its form goes once it is recorded.
    ...(file.procedure.complaint
      ? []
      : ([['complaint', <ComplaintForm key="c" fileId={file.fileId} />]] as [string, ReactNode][])),
    ['prosecution', <ProsecutionForm key="p" fileId={file.fileId} />],
    ['hearing', <HearingForm key="h" fileId={file.fileId} />],
    ['judgment', <JudgmentForm key="j" fileId={file.fileId} />],
    ...(judgments.length > 0
      ? ([['appeal', <AppealForm key="a" fileId={file.fileId} judgments={judgments} />]] as [
          string,
          ReactNode,
        ][])
      : []),
  ];
  return (
    <Accordion variant="contained" chevronPosition="left">
      {items.map(([key, form]) => (
        <Accordion.Item key={key} value={key}>
          <Accordion.Control>{t(`fileForms.procedure.${key}.title`)}</Accordion.Control>
          <Accordion.Panel>{form}</Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function ComplaintForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<Complaint>({
    filedOn: today(),
    with: 'police',
    offenceOn: '',
    reference: '',
  });
  const record = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/complaint', {
        params: { path: { fileId } },
        headers,
        body: filled(body),
      }),
    ),
  );
  const errors = useFieldErrors(record.error, ['filedOn', 'with', 'offenceOn', 'reference']);
  return (
    <EntryForm
      onSubmit={() => record.mutate(undefined)}
      pending={record.isPending}
      error={record.error}
      submit={t('fileForms.procedure.complaint.submit')}
    >
      <TextInput
        type="date"
        required
        label={t('fileForms.procedure.complaint.filedOn')}
        value={body.filedOn}
        onChange={(e) => setBody({ ...body, filedOn: e.currentTarget.value })}
        error={errors['filedOn']}
      />
      <NativeSelect
        label={t('fileForms.procedure.complaint.with')}
        value={body.with}
        onChange={(e) => setBody({ ...body, with: e.currentTarget.value as Complaint['with'] })}
        data={authorities.map((a) => ({ value: a, label: t(`fileForms.procedure.authorities.${a}`) }))}
        error={errors['with']}
      />
      <TextInput
        type="date"
        label={t('fileForms.procedure.complaint.offenceOn')}
        value={body.offenceOn ?? ''}
        onChange={(e) => setBody({ ...body, offenceOn: e.currentTarget.value })}
        error={errors['offenceOn']}
      />
      <TextInput
        label={t('fileForms.reference')}
        value={body.reference ?? ''}
        onChange={(e) => setBody({ ...body, reference: e.currentTarget.value })}
        error={errors['reference']}
      />
    </EntryForm>
  );
}

function ProsecutionForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<Prosecution>({ decision: 'prosecution', decidedOn: today(), court: '' });
  const record = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/prosecution', {
        params: { path: { fileId } },
        headers,
        body: filled(body),
      }),
    ),
  );
  const errors = useFieldErrors(record.error, ['decision', 'decidedOn', 'court']);
  return (
    <EntryForm
      onSubmit={() => record.mutate(undefined)}
      pending={record.isPending}
      error={record.error}
      submit={t('fileForms.procedure.prosecution.submit')}
    >
      <NativeSelect
        label={t('fileForms.procedure.prosecution.decision')}
        value={body.decision}
        onChange={(e) => setBody({ ...body, decision: e.currentTarget.value as Prosecution['decision'] })}
        data={decisions.map((d) => ({ value: d, label: t(`fileForms.procedure.decisions.${d}`) }))}
        error={errors['decision']}
      />
      <TextInput
        type="date"
        required
        label={t('fileForms.procedure.prosecution.decidedOn')}
        value={body.decidedOn}
        onChange={(e) => setBody({ ...body, decidedOn: e.currentTarget.value })}
        error={errors['decidedOn']}
      />
      <TextInput
        label={t('file.procedure.court')}
        value={body.court ?? ''}
        onChange={(e) => setBody({ ...body, court: e.currentTarget.value })}
        error={errors['court']}
      />
    </EntryForm>
  );
}

/** A hearing; with the accompaniment planned, the service adds the task and its reminders. */
function HearingForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [court, setCourt] = useState('');
  const [chamber, setChamber] = useState('');
  const [startsAt, setStartsAt] = useState(() =>
    localInputValue(new Date(Date.now() + 30 * 86_400_000)).replace(/T.*/, 'T09:00'),
  );
  const [accompanimentPlanned, setAccompaniment] = useState(true);
  const schedule = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/hearings', {
        params: { path: { fileId } },
        headers,
        body: { court, chamber, startsAt: new Date(startsAt).toISOString(), accompanimentPlanned },
      }),
    ),
  );
  const errors = useFieldErrors(schedule.error, ['court', 'chamber', 'startsAt', 'accompanimentPlanned']);
  return (
    <EntryForm
      onSubmit={() => schedule.mutate(undefined)}
      pending={schedule.isPending}
      error={schedule.error}
      submit={t('fileForms.procedure.hearing.submit')}
    >
      <TextInput
        label={t('file.procedure.court')}
        required
        value={court}
        onChange={(e) => setCourt(e.currentTarget.value)}
        error={errors['court']}
      />
      <TextInput
        label={t('file.procedure.chamber')}
        required
        value={chamber}
        onChange={(e) => setChamber(e.currentTarget.value)}
        error={errors['chamber']}
      />
      <TextInput
        type="datetime-local"
        required
        label={t('fileForms.procedure.hearing.startsAt')}
        value={startsAt}
        onChange={(e) => setStartsAt(e.currentTarget.value)}
        error={errors['startsAt']}
      />
      <Checkbox
        label={t('file.procedure.accompanied')}
        checked={accompanimentPlanned}
        onChange={(e) => setAccompaniment(e.currentTarget.checked)}
        error={errors['accompanimentPlanned']}
        mb={8}
      />
    </EntryForm>
  );
}

/** A judgment; a final one starts the compensation deadlines. The award is typed in euros. */
function JudgmentForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [court, setCourt] = useState('');
  const [on, setOn] = useState(today);
  const [final, setFinal] = useState(false);
  const [finalOn, setFinalOn] = useState('');
  const [civilParty, setCivilParty] = useState(true);
  const [award, setAward] = useState<number | string>('');
  const record = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/judgments', {
        params: { path: { fileId } },
        headers,
        body: {
          court,
          on,
          final,
          civilParty,
          ...filled({ finalOn: final ? finalOn : '' }),
          ...(award === '' ? {} : { awardCents: Math.round(Number(award) * 100) }),
        },
      }),
    ),
  );
  const errors = useFieldErrors(record.error, [
    'court',
    'on',
    'final',
    'finalOn',
    'civilParty',
    'awardCents',
  ]);
  return (
    <EntryForm
      onSubmit={() => record.mutate(undefined)}
      pending={record.isPending}
      error={record.error}
      submit={t('fileForms.procedure.judgment.submit')}
    >
      <TextInput
        label={t('file.procedure.court')}
        required
        value={court}
        onChange={(e) => setCourt(e.currentTarget.value)}
        error={errors['court']}
      />
      <TextInput
        type="date"
        required
        label={t('fileForms.procedure.judgment.on')}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        error={errors['on']}
      />
      <NumberInput
        label={t('fileForms.procedure.judgment.award')}
        min={0}
        decimalScale={2}
        value={award}
        onChange={setAward}
        error={errors['awardCents']}
      />
      <Checkbox
        label={t('fileForms.procedure.judgment.civilParty')}
        checked={civilParty}
        onChange={(e) => setCivilParty(e.currentTarget.checked)}
        mb={8}
      />
      <Checkbox
        label={t('file.procedure.final')}
        checked={final}
        onChange={(e) => {
          setFinal(e.currentTarget.checked);
          if (!finalOn) setFinalOn(on);
        }}
        mb={8}
      />
      {final && (
        <TextInput
          type="date"
          label={t('fileForms.procedure.judgment.finalOn')}
          value={finalOn}
          onChange={(e) => setFinalOn(e.currentTarget.value)}
          error={errors['finalOn']}
        />
      )}
    </EntryForm>
  );
}

function AppealForm({
  fileId,
  judgments,
}: {
  fileId: string;
  judgments: FileDetail['procedure']['judgments'][string][];
}) {
  const { t } = useTranslation();
  const [judgmentId, setJudgmentId] = useState(judgments.at(-1)?.judgmentId ?? '');
  const [body, setBody] = useState<Appeal>({ party: 'defendant', on: today() });
  const record = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/judgments/{judgmentId}/appeal', {
        params: { path: { fileId, judgmentId } },
        headers,
        body,
      }),
    ),
  );
  const errors = useFieldErrors(record.error, ['party', 'on']);
  return (
    <EntryForm
      onSubmit={() => record.mutate(undefined)}
      pending={record.isPending}
      error={record.error}
      submit={t('fileForms.procedure.appeal.submit')}
    >
      <NativeSelect
        label={t('fileForms.procedure.appeal.judgment')}
        value={judgmentId}
        onChange={(e) => setJudgmentId(e.currentTarget.value)}
        data={judgments.map((j) => ({ value: j.judgmentId, label: `${j.on} · ${j.court}` }))}
      />
      <NativeSelect
        label={t('fileForms.procedure.appeal.party')}
        value={body.party}
        onChange={(e) => setBody({ ...body, party: e.currentTarget.value as Appeal['party'] })}
        data={parties.map((p) => ({ value: p, label: t(`fileForms.procedure.parties.${p}`) }))}
        error={errors['party']}
      />
      <TextInput
        type="date"
        required
        label={t('fileForms.procedure.appeal.on')}
        value={body.on}
        onChange={(e) => setBody({ ...body, on: e.currentTarget.value })}
        error={errors['on']}
      />
    </EntryForm>
  );
}
