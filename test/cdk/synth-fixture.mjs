#!/usr/bin/env node
// Synthesizes the CDK app of fixtures/cdk-app into a cloud assembly, as `cdk synth` would, so
// that the committed fixtures/cdk-app/cdk.out can be regenerated (npm run synth:fixtures) and
// checked (test/cdk/fixture-current.test.ts).
//
//   node test/cdk/synth-fixture.mjs [OUTDIR]     default: fixtures/cdk-app/cdk.out
//
// The app runs in a child process, like the CDK CLI runs it: a fresh Node.js with CDK_OUTDIR set
// (the App synthesizes itself on exit) and the context the CLI passes in CDK_CONTEXT_JSON. The
// settings below make CDK record where each construct was written:
//
// - `aws:cdk:creationStack` (every CfnElement and stack) is on unless the context sets
//   aws:cdk:disable-creation-stack-traces; CDK_DEBUG=true forces it on regardless.
// - `aws:cdk:propertyAssignment` (the stack trace of a property set after construction, through
//   an L1 setter, addPropertyOverride or a boxed L2 value) is written only when CDK_DEBUG=true.
// - --stack-trace-limit: CDK keeps only the user's frames of a trace, but V8 captures 10 frames by
//   default, which for constructs made deep inside aws-cdk-lib (a VPC's subnets) holds no user
//   frame at all. A higher limit lets every trace reach bin/app.js.
//
// Both kinds land in each stack's `<artifact>.metadata.json` (the manifest's
// additionalMetadataFile), with the absolute paths of this machine: those are left as they are.
// Everything else is kept deterministic: no version reporting (no CDKMetadata resource), no
// inherited CDK_* / JSII_* / NODE_OPTIONS variables, the output replaced as a whole.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APP_DIR = path.join(ROOT, 'fixtures', 'cdk-app');
const DEFAULT_OUT = path.join(APP_DIR, 'cdk.out');
const STACK_TRACE_LIMIT = 50;

/** The context `cdk synth --no-version-reporting` passes to an app (path and asset metadata on). */
const CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': false,
  'aws:cdk:bundling-stacks': ['**'],
};

/** Synthesizes the app into `outdir`, replacing whatever was there. Throws when the app fails. */
export function synthesize(outdir = DEFAULT_OUT) {
  const target = path.resolve(outdir);
  const staging = `${target}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });

  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CDK_|JSII_|NODE_OPTIONS$)/.test(name)));
  Object.assign(env, { CDK_OUTDIR: staging, CDK_DEBUG: 'true', CDK_CONTEXT_JSON: JSON.stringify(CONTEXT) });

  const run = spawnSync(process.execPath, [`--stack-trace-limit=${STACK_TRACE_LIMIT}`, path.join('bin', 'app.js')], {
    cwd: APP_DIR,
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0 || !fs.existsSync(path.join(staging, 'manifest.json'))) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`synthesizing ${path.relative(ROOT, APP_DIR)} failed (exit ${run.status ?? run.signal}):\n${run.stderr}${run.stdout}`);
  }
  // Nothing of this app is an asset folder; refuse one rather than commit it.
  const assets = fs.readdirSync(staging, { recursive: true }).filter((p) => /(^|[\\/])asset\./.test(String(p)));
  if (assets.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`the assembly has asset folders (${assets.join(', ')}); keep the fixture app free of assets`);
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const out = synthesize(process.argv[2]);
    console.log(`synthesized ${path.relative(ROOT, APP_DIR) || '.'} into ${path.relative(process.cwd(), out) || '.'}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
