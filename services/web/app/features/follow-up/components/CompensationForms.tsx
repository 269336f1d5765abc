import { Button, Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import '../../../i18n/file-forms.ts';
import type { FileDetail } from '../api.ts';
import { type CommandBody, filled, today, useFieldErrors, useFileCommand } from '../commands.ts';

type Scheme = 'civi' | 'sarvi';
type Tracked = NonNullable<FileDetail['compensation'][Scheme]>;
type Claim = CommandBody<'/files/{fileId}/compensation/{scheme}/claim'>;
type Waiver = CommandBody<'/files/{fileId}/compensation/{scheme}/waive'>;
type Track = CommandBody<'/files/{fileId}/compensation/{scheme}/track'>;

const reliefs = [
  'unable-to-act-in-time',
  'harm-aggravated',
  'other-legitimate-reason',
] as const satisfies readonly NonNullable<Claim['relief']>[];
const waivers = [
  'victim-declined',
  'not-eligible',
  'paid-by-author',
] as const satisfies readonly Waiver['reason'][];

/**
 * For each scheme: its deadline tracked from the procedure's facts (CIVI: the complaint's offence
 * date; SARVI: a final judgment awarding damages), then the claim filed or the waiver recorded.
 */
export function CompensationForms({ file }: { file: FileDetail }) {
  return (
    <Stack>
      {(['civi', 'sarvi'] as const).map((scheme) => {
        const tracked = file.compensation[scheme];
        if (!tracked) return <TrackForm key={scheme} fileId={file.fileId} scheme={scheme} />;
        if (tracked.claimedOn || tracked.waived) return null;
        return <ClaimForms key={scheme} fileId={file.fileId} scheme={scheme} tracked={tracked} />;
      })}
    </Stack>
  );
}

function TrackForm({ fileId, scheme }: { fileId: string; scheme: Scheme }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<Track>({ majorityOn: '', civiRefusalNotifiedOn: '' });
  const track = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/compensation/{scheme}/track', {
        params: { path: { fileId, scheme } },
        headers,
        body: filled(body),
      }),
    ),
  );
  const errors = useFieldErrors(track.error, ['majorityOn', 'civiRefusalNotifiedOn'], {
    majority_date_required: 'majorityOn',
  });
  const name = t(`file.compensation.schemes.${scheme}`);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        track.mutate(undefined);
      }}
    >
      <Fieldset legend={t('fileForms.compensation.trackLegend', { scheme: name })}>
        <Stack gap="xs">
          <Group align="end">
            {scheme === 'civi' ? (
              <TextInput
                type="date"
                label={t('fileForms.compensation.majorityOn')}
                value={body.majorityOn ?? ''}
                onChange={(e) => setBody({ ...body, majorityOn: e.currentTarget.value })}
                error={errors['majorityOn']}
              />
            ) : (
              <TextInput
                type="date"
                label={t('fileForms.compensation.civiRefusalNotifiedOn')}
                value={body.civiRefusalNotifiedOn ?? ''}
                onChange={(e) => setBody({ ...body, civiRefusalNotifiedOn: e.currentTarget.value })}
                error={errors['civiRefusalNotifiedOn']}
              />
            )}
            <Button type="submit" variant="light" loading={track.isPending}>
              {t('fileForms.compensation.track', { scheme: name })}
            </Button>
          </Group>
          {track.isError && <ProblemAlert error={track.error} />}
        </Stack>
      </Fieldset>
    </form>
  );
}

/** A claim (a late one names its relief reason, the service says when it is late) or a waiver. */
function ClaimForms({ fileId, scheme, tracked }: { fileId: string; scheme: Scheme; tracked: Tracked }) {
  const { t } = useTranslation();
  const [filedOn, setFiledOn] = useState(today);
  const [relief, setRelief] = useState<Claim['relief'] | ''>('');
  const [reason, setReason] = useState<Waiver['reason']>('victim-declined');
  const claim = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/compensation/{scheme}/claim', {
        params: { path: { fileId, scheme } },
        headers,
        body: filled({ filedOn, relief }) as Claim,
      }),
    ),
  );
  const waive = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/compensation/{scheme}/waive', {
        params: { path: { fileId, scheme } },
        headers,
        body: { reason },
      }),
    ),
  );
  const claimErrors = useFieldErrors(claim.error, ['filedOn', 'relief'], {
    relief_reason_required: 'relief',
    sarvi_not_open: 'filedOn',
  });
  const waiveErrors = useFieldErrors(waive.error, ['reason']);
  const name = t(`file.compensation.schemes.${scheme}`);
  const late = filedOn > tracked.deadline.closesOn;
  return (
    <Fieldset legend={t('fileForms.compensation.claimLegend', { scheme: name })}>
      <Stack gap="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            claim.mutate(undefined);
          }}
        >
          <Stack gap="xs">
            <Group align="end">
              <TextInput
                type="date"
                required
                label={t('fileForms.compensation.filedOn')}
                value={filedOn}
                onChange={(e) => setFiledOn(e.currentTarget.value)}
                error={claimErrors['filedOn']}
              />
              <NativeSelect
                label={t('fileForms.compensation.relief')}
                description={late ? t('fileForms.compensation.late') : undefined}
                value={relief ?? ''}
                onChange={(e) => setRelief(e.currentTarget.value as Claim['relief'] | '')}
                data={[
                  { value: '', label: t('fileForms.compensation.noRelief') },
                  ...reliefs.map((r) => ({ value: r, label: t(`fileForms.compensation.reliefs.${r}`) })),
                ]}
                error={claimErrors['relief']}
              />
              <Button type="submit" loading={claim.isPending}>
                {t('fileForms.compensation.claim', { scheme: name })}
              </Button>
            </Group>
            {claim.isError && <ProblemAlert error={claim.error} />}
          </Stack>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            waive.mutate(undefined);
          }}
        >
          <Stack gap="xs">
            <Group align="end">
              <NativeSelect
                label={t('fileForms.compensation.waiverReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value as Waiver['reason'])}
                data={waivers.map((w) => ({ value: w, label: t(`fileForms.compensation.waivers.${w}`) }))}
                error={waiveErrors['reason']}
              />
              <Button type="submit" variant="outline" color="red.9" loading={waive.isPending}>
                {t('fileForms.compensation.waive', { scheme: name })}
              </Button>
            </Group>
            {waive.isError && <ProblemAlert error={waive.error} />}
          </Stack>
        </form>
      </Stack>
    </Fieldset>
  );
}
