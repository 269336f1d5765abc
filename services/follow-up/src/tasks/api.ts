import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ActionChannels } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { fileCommands } from '../files/command-route.ts';
import { Id, Instant, itemParams, strict, utc } from '../files/fields.ts';
import type { FollowUpModule } from '../module.ts';
import { TaskKinds } from './tasks.ts';

const tags = ['tasks'];

/** Tasks and appointments with due dates; their reminders are scheduled with them. */
export const taskRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (app, { module }) => {
  const command = fileCommands(app, module);
  command(
    '/files/:fileId/tasks',
    {
      summary: 'Create a task with its due time',
      tags,
      body: Type.Object(
        { kind: StringEnum(TaskKinds), dueAt: Instant, assigneeId: Type.Optional(Id) },
        strict,
      ),
    },
    (body, { newId }) => ({ type: 'CreateTask', data: { ...body, dueAt: utc(body.dueAt), taskId: newId } }),
  );
  const task = itemParams('taskId');
  command(
    '/files/:fileId/tasks/:taskId/reschedule',
    { summary: 'Move a task’s due time', tags, params: task, body: Type.Object({ dueAt: Instant }, strict) },
    (body, { params }) => ({
      type: 'RescheduleTask',
      data: { taskId: params['taskId']!, dueAt: utc(body.dueAt) },
    }),
  );
  command(
    '/files/:fileId/tasks/:taskId/complete',
    { summary: 'Complete a task', tags, params: task },
    (_body, { params }) => ({ type: 'CompleteTask', data: { taskId: params['taskId']! } }),
  );
  command(
    '/files/:fileId/tasks/:taskId/cancel',
    { summary: 'Cancel a task', tags, params: task },
    (_body, { params }) => ({ type: 'CancelTask', data: { taskId: params['taskId']! } }),
  );

  command(
    '/files/:fileId/appointments',
    {
      summary: 'Schedule an appointment with the victim',
      tags,
      body: Type.Object(
        {
          startsAt: Instant,
          durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
          channel: StringEnum(ActionChannels),
          staffId: Id,
        },
        strict,
      ),
    },
    (body, { newId }) => ({
      type: 'ScheduleAppointment',
      data: { ...body, startsAt: utc(body.startsAt), appointmentId: newId },
    }),
  );
  const appointment = itemParams('appointmentId');
  command(
    '/files/:fileId/appointments/:appointmentId/reschedule',
    {
      summary: 'Move an appointment',
      tags,
      params: appointment,
      body: Type.Object({ startsAt: Instant }, strict),
    },
    (body, { params }) => ({
      type: 'RescheduleAppointment',
      data: { appointmentId: params['appointmentId']!, startsAt: utc(body.startsAt) },
    }),
  );
  command(
    '/files/:fileId/appointments/:appointmentId/end',
    {
      summary: 'Record how an appointment ended: held, missed or cancelled',
      tags,
      params: appointment,
      body: Type.Object({ outcome: StringEnum(['held', 'missed', 'cancelled'] as const) }, strict),
    },
    (body, { params }) => ({
      type: 'EndAppointment',
      data: { appointmentId: params['appointmentId']!, outcome: body.outcome },
    }),
  );
};
