import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import '../../../i18n/file-forms.ts';
import type { FileDetail } from '../api.ts';
import { type CommandBody, filled, useFieldErrors, useFileCommand } from '../commands.ts';

type Reopen = CommandBody<'/files/{fileId}/reopen'>;
type MediationRequest = CommandBody<'/files/{fileId}/mediation-request'>;

/** A closed file reopened, with the reason (the victim called back, a new fact…). */
export function ReopenForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<Reopen>({ reason: '' });
  const reopen = useFileCommand((_: undefined, headers) =>
    data(followUp.POST('/files/{fileId}/reopen', { params: { path: { fileId } }, headers, body })),
  );
  const errors = useFieldErrors(reopen.error, ['reason']);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        reopen.mutate(undefined);
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('fileForms.reopen.reason')}
          required
          value={body.reason}
          onChange={(e) => setBody({ reason: e.currentTarget.value })}
          error={errors['reason']}
        />
        {reopen.isError && <ProblemAlert error={reopen.error} />}
        <Group>
          <Button type="submit" loading={reopen.isPending}>
            {t('fileForms.reopen.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A penal mediation asked for from the file: only with the victim's consent, never for violence
 * within a couple (the service refuses both, and says so); the mediation service takes it from there.
 */
export function MediationPanel({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<MediationRequest>({
    victimConsents: false,
    court: '',
    prosecutorOffice: '',
  });
  const request = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/mediation-request', {
        params: { path: { fileId: file.fileId } },
        headers,
        body: filled(body),
      }),
    ),
  );
  const errors = useFieldErrors(request.error, ['victimConsents', 'court', 'prosecutorOffice'], {
    mediation_consent_required: 'victimConsents',
  });
  const { mediation } = file;
  if (mediation)
    return (
      <Alert color={mediation.open ? 'blue' : 'gray'} title={t('fileForms.mediation.requested')}>
        <Text size="sm">
          {mediation.open
            ? t('fileForms.mediation.open')
            : t('fileForms.mediation.ended', { outcome: mediation.outcome ?? '—' })}
        </Text>
      </Alert>
    );
  if (file.closed || file.readOnly) return <Text size="sm">{t('fileForms.mediation.fileNotOpen')}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate(undefined);
      }}
    >
      <Stack gap="xs">
        <Text size="sm">{t('fileForms.mediation.intro')}</Text>
        <Checkbox
          label={t('fileForms.mediation.consent')}
          checked={body.victimConsents}
          onChange={(e) => setBody({ ...body, victimConsents: e.currentTarget.checked })}
          error={errors['victimConsents']}
        />
        <Group align="end">
          <TextInput
            label={t('file.procedure.court')}
            value={body.court ?? ''}
            onChange={(e) => setBody({ ...body, court: e.currentTarget.value })}
            error={errors['court']}
          />
          <TextInput
            label={t('fileForms.mediation.prosecutorOffice')}
            value={body.prosecutorOffice ?? ''}
            onChange={(e) => setBody({ ...body, prosecutorOffice: e.currentTarget.value })}
            error={errors['prosecutorOffice']}
          />
        </Group>
        {request.isError && <ProblemAlert error={request.error} />}
        <Group>
          <Button type="submit" loading={request.isPending}>
            {t('fileForms.mediation.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
