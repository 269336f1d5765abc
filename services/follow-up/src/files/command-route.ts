import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { commandMetadata, commandRoute, requireRole } from '@parcours/service-kit';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { FileCommand } from '../file/decide.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import type { FollowUpModule } from '../module.ts';
import type { Metadata } from '../service.ts';
import { FileParams } from './schemas.ts';

type App = Parameters<FastifyPluginAsyncTypebox>[0];
/** A file command as a route builds it: who and when are added here. */
export type FileCommandData = FileCommand extends infer C
  ? C extends FileCommand
    ? Omit<C, 'metadata'>
    : never
  : never;

export const CommandResponse = Type.Object({
  fileId: Type.String(),
  status: Type.String(),
  events: Type.Array(Type.String()),
  /** The id of what the command created (an action, an attempt, a hearing, a task…), when it did. */
  id: Type.Optional(Type.String()),
});

/** The people who work on files (access.ts decides which file, and which command). */
export const fileStaff = requireRole('caseworker', 'office-manager', 'association-manager');

export interface CommandContext {
  request: FastifyRequest;
  file: ActiveFile;
  metadata: Metadata;
  /** A new id for what the command creates, returned to the caller. */
  newId: string;
  /** The path's parameters besides the file id (`:hearingId`, `:taskId`…). */
  params: Record<string, string>;
}

/**
 * Registers `POST path` running one file command: the body typed from its schema, the file loaded
 * (404), the command decided with the file's rules and rights (decide checks access.ts: 403; state:
 * 409; rules: 422), Idempotency-Key honoured. `build` may return the new id it used.
 */
export function fileCommand<Body extends TSchema | undefined = undefined>(
  app: App,
  module: FollowUpModule,
  path: string,
  options: { summary: string; tags: string[]; body?: Body; params?: TSchema },
  build: (
    body: Body extends TSchema ? Static<Body> : undefined,
    context: CommandContext,
  ) => FileCommandData | Promise<FileCommandData>,
): void {
  app.post(
    path,
    commandRoute({
      summary: options.summary,
      tags: options.tags,
      params: options.params ?? FileParams,
      body: options.body,
      response: { 200: CommandResponse },
      preHandler: fileStaff,
      problems: [404, 409, 422],
    }),
    async (request) => {
      const params = request.params as Record<string, string>;
      const fileId = params['fileId']!;
      const file = await module.followUp.loadFile(fileId);
      if (file.status === 'none') throw FileErrors.notFound();
      const metadata = commandMetadata(request);
      const newId = randomUUID();
      const data = await build(request.body as never, { request, file, metadata, newId, params });
      const result = await module.followUp.execute(fileId, { ...data, metadata } as FileCommand, metadata);
      const created = JSON.stringify(data.data).includes(newId);
      return {
        fileId,
        status: result.status,
        events: result.events,
        ...(created ? { id: newId } : {}),
      };
    },
  );
}

/** `fileCommand` for one plugin's routes: `const command = fileCommands(app, module)`. */
export const fileCommands =
  (app: App, module: FollowUpModule) =>
  <Body extends TSchema | undefined = undefined>(
    path: string,
    options: { summary: string; tags: string[]; body?: Body; params?: TSchema },
    build: (
      body: Body extends TSchema ? Static<Body> : undefined,
      context: CommandContext,
    ) => FileCommandData | Promise<FileCommandData>,
  ) =>
    fileCommand(app, module, path, options, build);
