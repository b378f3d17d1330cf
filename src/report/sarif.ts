import { pathToFileURL } from 'node:url';
import type { Location, LogicalLocation, Log, Notification, Result, Run } from 'sarif';
import type { Finding, Notice, Resource, ScanResult, Suppression } from '../model';
import { SEVERITY_LEVEL } from './levels';
import { qualifiedAddress, TOOL_NAME, TOOL_URI } from './names';
import type { ReportOptions } from './options';
import { contextRegion, fileLocation, locationWithMessage, physicalLocation, SRCROOT } from './sarif-location';
import { relatedPlaces } from './related';
import { ruleTable } from './sarif-rules';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'iacScan/v1';

/** SARIF 2.1.0 for GitHub code scanning: one run, stable order, no timestamps. */
export function renderSarif(result: ScanResult, options: ReportOptions): string {
  const rules = ruleTable(result.rules, result.findings, result.catalog);
  const run: Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        semanticVersion: options.toolVersion,
        informationUri: TOOL_URI,
        rules: rules.descriptors,
      },
    },
    automationDetails: { id: automationId(options.category) },
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
    columnKind: 'utf16CodeUnits',
    results: result.findings.map((f) => sarifResult(f, rules.index.get(f.rule.id)!, result)),
    invocations: [
      {
        executionSuccessful: !result.notices.some((n) => n.level === 'error'),
        toolExecutionNotifications: result.notices.map(notification),
      },
    ],
  };
  const log: Log = { $schema: SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** GitHub's convention: the category followed by `/` names the analysis (several per repository). */
function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sarifResult(finding: Finding, ruleIndex: number, scan: ScanResult): Result {
  const physical = physicalLocation(finding.at);
  const context = contextRegion(finding.at, scan.snippet(finding.at));
  if (context) physical.contextRegion = context;
  const related = relatedLocations(finding);
  const result: Result = {
    ruleId: finding.rule.id,
    ruleIndex,
    level: SEVERITY_LEVEL[finding.severity],
    message: { text: messageWithLinks(finding.message, related) },
    locations: [
      {
        physicalLocation: physical,
        logicalLocations: logicalLocations(finding.resource),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { severity: finding.severity, owner: finding.rule.owner },
  };
  if (related.length) result.relatedLocations = related;
  if (finding.suppression) result.suppressions = [suppression(finding.suppression)];
  return result;
}

/**
 * The resource by its address; for a resource of a CDK app also its stack (a deployment unit,
 * SARIF's `module`) and its construct path, the names the app itself uses.
 */
function logicalLocations(resource: Resource): LogicalLocation[] {
  const locations: LogicalLocation[] = [{ name: resource.address, fullyQualifiedName: qualifiedAddress(resource), kind: 'resource' }];
  const { stack, constructPath } = resource.context ?? {};
  if (stack) locations.push({ name: stack, fullyQualifiedName: stack, kind: 'module' });
  if (constructPath) locations.push({ name: constructPath, fullyQualifiedName: constructPath, kind: 'object' });
  return locations;
}

function relatedLocations(finding: Finding): Location[] {
  return relatedPlaces(finding).map((r, i) => locationWithMessage(i + 1, r.range, r.message));
}

/**
 * Code scanning shows related locations as links embedded in the message (`[text](id)`), so
 * each one is appended as such; brackets in the link text are escaped as SARIF requires.
 */
function messageWithLinks(message: string, related: Location[]): string {
  if (!related.length) return message;
  const links = related.map((l) => `[${escapeLinkText(l.message?.text ?? '')}](${l.id})`);
  const sep = /[.!?]$/.test(message) ? ' ' : '. ';
  return `${message}${sep}Related: ${links.join('; ')}.`;
}

function escapeLinkText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 0x5b '[', 0x5d ']', 0x5c '\'
    if (c === 0x5b || c === 0x5d || c === 0x5c) out += '\\';
    out += text[i];
  }
  return out;
}

function suppression(s: Suppression) {
  return {
    kind: s.kind === 'config' ? ('external' as const) : ('inSource' as const),
    status: 'accepted' as const,
    justification: s.justification,
    ...(s.location ? { location: { physicalLocation: physicalLocation(s.location) } } : {}),
    ...(s.until ? { properties: { until: s.until } } : {}),
  };
}

function notification(n: Notice): Notification {
  const out: Notification = { level: n.level, message: { text: n.message }, descriptor: { id: n.code } };
  const file = n.range?.file ?? n.file;
  if (file !== undefined) {
    out.locations = [
      { physicalLocation: n.range ? physicalLocation(n.range) : { artifactLocation: fileLocation(file) } },
    ];
  }
  return out;
}
