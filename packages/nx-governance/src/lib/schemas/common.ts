import * as semver from 'semver';
import { z } from 'zod';
import { SAFE_ID } from '../ids/id-patterns';

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD (so 2026-02-30 is false). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string()
  .refine(isCalendarDate, { message: 'expected a calendar date written YYYY-MM-DD, e.g. 2026-02-19' })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', pattern: ISO_DATE_PATTERN.source });

/** Any id's characters; its form (ids in governance.json) is checked with the rules across files, which know the settings. */
export const safeId = (kind: string, example: string) =>
  z
    .string()
    .regex(SAFE_ID, { message: `expected a ${kind} id of letters, digits, ".", "_" and "-", e.g. ${example}` })
    .meta({ description: `A ${kind} id, e.g. ${example}; its form is set by ids.${kind} in governance.json.` });

export const gateId = safeId('gate', 'VG-CONTRACT-001');

/** The role that owns a release (the go / no-go, the rollback): the owner of what the plugin itself writes or assumes. */
export const RELEASE_MANAGER_ROLE = 'release-manager';

/** Role ids are what owners refer to; lower-case words keep them easy to type. */
export const roleId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a role id in lower-case words joined by dashes, e.g. release-manager' })
  .meta({ description: 'A role id from playbook.json roles, e.g. release-manager.' });

export const semverVersion = z
  .string()
  .refine((v) => semver.valid(v) !== null && semver.clean(v) === v, {
    message: 'expected a semantic version like 0.4.2 (no leading v, no range)',
  })
  .meta({ description: 'A semantic version, e.g. 0.4.2.' });

export const semverRange = z
  .string()
  .refine((v) => v.trim() !== '' && semver.validRange(v) !== null, {
    message: 'expected a semver range like ^0.4.0 or >=0.3.0 <0.6.0',
  })
  .meta({ description: 'A semver range, e.g. ^0.4.0.' });

export const gitCommit = z
  .string()
  .regex(/^[0-9a-f]{7,40}$/, { message: 'expected a git commit id: 7 to 40 lower-case hex digits' })
  .meta({ description: 'A git commit id (7 to 40 hex digits).' });

export const nonEmptyText = z.string().trim().min(1, { message: 'expected non-empty text' });

/** Workspace-relative paths only: data files must work in every clone. */
export const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'expected a path relative to the workspace root, without ".." segments',
  })
  .meta({ description: 'A path relative to the workspace root.' });

/** Commands are argv arrays, never shell strings: nothing from data reaches a shell. */
export const argv = z
  .array(z.string().min(1, { message: 'expected a non-empty argument' }), {
    error: (issue) =>
      issue.input === undefined
        ? 'expected an argv array'
        : 'expected an argv array such as ["cargo", "test"]; a command string is not accepted because it would need a shell',
  })
  .min(1, { message: 'expected at least the program to run' })
  .meta({ description: 'A command as an argv array: the program, then each argument. Never run through a shell.' });

export const envMap = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name' }),
    z.string(),
  )
  .meta({ description: 'Environment variables set for the command.' });

export const schemaRef = z.string().optional().meta({ description: 'The JSON Schema this file follows.' });
