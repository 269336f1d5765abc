import { Button, Checkbox, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import '../../../i18n/file-forms.ts';
import type { FileDetail } from '../api.ts';
import { type CommandBody, useFieldErrors, useFileCommand } from '../commands.ts';

type SafeContact = CommandBody<'/files/{fileId}/safe-contact'>;
type Window = NonNullable<SafeContact['windows']>[number];

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const rules = ['safeNumber', 'safeHours', 'noVoicemail', 'throughThirdParty'] as const;
const newWindow = (): Window => ({ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' });

/**
 * The safe-contact rules as the victim gave them, edited: safe number only, no voicemail, through
 * a third party, and the safe hours (windows of days and hours, in the victim's time zone).
 */
export function SafeContactForm({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const current = file.contact.rules;
  const [body, setBody] = useState<SafeContact>(() => ({
    safeNumber: current.safeNumber,
    safeHours: current.safeHours,
    noVoicemail: current.noVoicemail,
    throughThirdParty: current.throughThirdParty,
    windows: current.windows?.length ? current.windows : current.safeHours ? [newWindow()] : [],
    timeZone: file.contact.timeZone,
  }));
  const windows = body.windows ?? [];
  const setWindow = (index: number, window: Window) =>
    setBody({ ...body, windows: windows.map((w, i) => (i === index ? window : w)) });
  const save = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/safe-contact', {
        params: { path: { fileId: file.fileId } },
        headers,
        body: { ...body, windows: body.safeHours ? windows : [] },
      }),
    ),
  );
  const fields = [
    ...rules,
    'timeZone',
    ...windows.flatMap((_, i) => [`windows.${i}.days`, `windows.${i}.from`, `windows.${i}.to`]),
  ];
  const errors = useFieldErrors(save.error, fields, { time_zone: 'timeZone' });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <Fieldset legend={t('fileForms.safeContact.legend')}>
        <Stack gap="sm">
          <Group>
            {rules.map((rule) => (
              <Checkbox
                key={rule}
                label={t(`fileForms.safeContact.${rule}`)}
                checked={body[rule]}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setBody({
                    ...body,
                    [rule]: checked,
                    ...(rule === 'safeHours' && checked && windows.length === 0
                      ? { windows: [newWindow()] }
                      : {}),
                  });
                }}
                error={errors[rule]}
              />
            ))}
          </Group>
          {body.safeHours &&
            windows.map((window, index) => (
              <Fieldset
                // biome-ignore lint/suspicious/noArrayIndexKey: windows have no id; their order is their identity
                key={index}
                variant="filled"
                legend={t('fileForms.safeContact.window', { n: index + 1 })}
              >
                <Stack gap="xs">
                  <Checkbox.Group
                    label={t('fileForms.safeContact.days')}
                    value={window.days.map(String)}
                    onChange={(days) => setWindow(index, { ...window, days: days.map(Number).sort() })}
                    error={errors[`windows.${index}.days`]}
                  >
                    <Group gap="sm" mt={4}>
                      {weekdays.map((d) => (
                        <Checkbox
                          key={d}
                          value={String(d)}
                          label={t(`fileForms.safeContact.weekdays.${d}`)}
                        />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <Group align="end">
                    <TextInput
                      type="time"
                      label={t('fileForms.safeContact.from')}
                      value={window.from}
                      onChange={(e) => setWindow(index, { ...window, from: e.currentTarget.value })}
                      error={errors[`windows.${index}.from`]}
                    />
                    <TextInput
                      type="time"
                      label={t('fileForms.safeContact.to')}
                      value={window.to}
                      onChange={(e) => setWindow(index, { ...window, to: e.currentTarget.value })}
                      error={errors[`windows.${index}.to`]}
                    />
                    <Button
                      variant="outline"
                      color="red.9"
                      onClick={() => setBody({ ...body, windows: windows.filter((_, i) => i !== index) })}
                    >
                      {t('fileForms.safeContact.remove', { n: index + 1 })}
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>
            ))}
          <Group align="end">
            {body.safeHours && (
              <Button
                variant="outline"
                onClick={() => setBody({ ...body, windows: [...windows, newWindow()] })}
              >
                {t('fileForms.safeContact.add')}
              </Button>
            )}
            <TextInput
              label={t('fileForms.safeContact.timeZone')}
              value={body.timeZone ?? ''}
              onChange={(e) => setBody({ ...body, timeZone: e.currentTarget.value })}
              error={errors['timeZone']}
            />
          </Group>
          {save.isError && <ProblemAlert error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('fileForms.safeContact.save')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
