import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';
import { mapSerializedErrorStacks } from './stack-source-maps';

export type { Logger };

// pino's redaction matches fixed paths (one `*` per segment), so list the places where
// credentials show up: HTTP headers, GraphQL variables and inputs, errors carrying either.
const SENSITIVE_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'resetToken',
  'verificationToken',
  'jwtSecret',
  'secret',
];

export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  // Deep enough for a request body's GraphQL variables: req.body.variables.input.password.
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`, `*.*.*.*.${key}`]),
];

/** JSON logs on stdout (or `destination`), with credentials censored and stacks in TypeScript lines. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kitaab-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: (error: unknown) => mapSerializedErrorStacks(pino.stdSerializers.err(error as Error)) },
    },
    destination,
  );
}
