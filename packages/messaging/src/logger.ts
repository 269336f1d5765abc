import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';

/** The part of a pino logger this package uses. */
export interface Logger {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
  debug(object: object, message?: string): void;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export const kafkaLogLevels: Record<LogLevel | 'nothing', KafkaLogLevel> = {
  nothing: KafkaLogLevel.NOTHING,
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
  debug: KafkaLogLevel.DEBUG,
};

/** Routes kafkajs' own logs to the service's logger, or nowhere when there is none. */
export function kafkaLogCreator(logger: Logger | undefined): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      if (!logger) return;
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const entry = { kafkajs: namespace, ...fields };
      if (level === KafkaLogLevel.ERROR) logger.error(entry, message);
      else if (level === KafkaLogLevel.WARN) logger.warn(entry, message);
      else if (level === KafkaLogLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}
