// The official Alibaba Cloud Node SDK (@alicloud/ecs20140526, pinned in package.json) against a running EcsConsole: the
// automatic snapshot policy actions — CreateAutoSnapshotPolicy, DescribeAutoSnapshotPolicyEx, ApplyAutoSnapshotPolicy,
// CancelAutoSnapshotPolicy and DeleteAutoSnapshotPolicy, whose parameters ECS spells in lowerCamelCase — with
// DescribeDisks and DescribeSnapshots to see what they did, and the simulation control's clock to let a policy run; once
// with the default V3 signature (ACS3-HMAC-SHA256) and once with signatureAlgorithm 'v2' (HMAC-SHA1). Exits non-zero on
// the first failure. Usage: ECS_ENDPOINT=localhost:5080 ECS_SIMULATION_TOKEN=… node auto-snapshot-policy-journey.js
'use strict';
const { Ecs, client, check, refused, endpoint } = require('./journey-common');

const simulationToken = process.env.ECS_SIMULATION_TOKEN || '';
const region = 'cn-hangzhou';

/** The simulation control (ui-contract §7): POST /simulation/<path> with the bearer token. */
async function simulation(path, body) {
  const r = await fetch(`http://${endpoint}/simulation/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${simulationToken}` }, body: JSON.stringify(body || {}),
  });
  if (!r.ok) throw new Error(`simulation ${path} answered ${r.status}`);
  return r.json();
}

async function disk(ecs, diskId) {
  const r = await ecs.describeDisks(new Ecs.DescribeDisksRequest({ regionId: region, diskIds: JSON.stringify([diskId]) }));
  return r.body.disks.disk[0];
}

async function policy(ecs, policyId) {
  const r = await ecs.describeAutoSnapshotPolicyEx(new Ecs.DescribeAutoSnapshotPolicyExRequest({ regionId: region, autoSnapshotPolicyId: policyId }));
  return r.body.autoSnapshotPolicies.autoSnapshotPolicy[0];
}

async function journey(label, signatureAlgorithm) {
  console.log(`${label}:`);
  const ecs = client(signatureAlgorithm);
  const zone = (await ecs.describeZones(new Ecs.DescribeZonesRequest({ regionId: region }))).body.zones.zone[0].zoneId;

  // A policy of every hour of every day, kept a day, and a new disk.
  const everyHour = JSON.stringify([...Array(24).keys()].map(String));
  const created = await ecs.createAutoSnapshotPolicy(new Ecs.CreateAutoSnapshotPolicyRequest({
    regionId: region, autoSnapshotPolicyName: `sdk-policy-${label}`, timePoints: everyHour, repeatWeekdays: '["1","2","3","4","5","6","7"]', retentionDays: 1,
  }));
  const policyId = created.body.autoSnapshotPolicyId;
  check(/^sp-/.test(policyId), `CreateAutoSnapshotPolicy answered ${policyId}`);
  let p = await policy(ecs, policyId);
  check(p.autoSnapshotPolicyName === `sdk-policy-${label}` && p.retentionDays === 1 && p.diskNums === 0 && p.repeatWeekdays === '["1","2","3","4","5","6","7"]',
    'DescribeAutoSnapshotPolicyEx shows it, on no disk');
  await refused(() => ecs.createAutoSnapshotPolicy(new Ecs.CreateAutoSnapshotPolicyRequest({
    regionId: region, timePoints: '["24"]', repeatWeekdays: '["1"]', retentionDays: 1,
  })), 'InvalidParameter', 400, 'an hour of 24');

  const diskId = (await ecs.createDisk(new Ecs.CreateDiskRequest({ regionId: region, zoneId: zone, diskCategory: 'cloud_essd', size: 20 }))).body.diskId;
  await ecs.applyAutoSnapshotPolicy(new Ecs.ApplyAutoSnapshotPolicyRequest({ regionId: region, autoSnapshotPolicyId: policyId, diskIds: JSON.stringify([diskId]) }));
  let d = await disk(ecs, diskId);
  check(d.autoSnapshotPolicyId === policyId && d.enableAutomatedSnapshotPolicy === true, `ApplyAutoSnapshotPolicy put it on ${diskId}`);
  check((await policy(ecs, policyId)).diskNums === 1, 'DescribeAutoSnapshotPolicyEx counts the disk');
  await refused(() => ecs.applyAutoSnapshotPolicy(new Ecs.ApplyAutoSnapshotPolicyRequest({
    regionId: region, autoSnapshotPolicyId: 'sp-nothere', diskIds: JSON.stringify([diskId]),
  })), 'ParameterInvalid', 404, 'applying an unknown policy');

  // An hour on the simulated clock: the policy takes an automatic snapshot of the disk.
  await simulation('clock/advance', { seconds: 3600 });
  await simulation('tasks/complete');
  const autos = (await ecs.describeSnapshots(new Ecs.DescribeSnapshotsRequest({ regionId: region, diskId, snapshotType: 'auto' }))).body.snapshots.snapshot;
  check(autos.length === 1 && autos[0].snapshotType === 'auto' && autos[0].retentionDays === 1 && autos[0].snapshotName.startsWith('auto2.0_'),
    `the policy took ${autos[0] && autos[0].snapshotId} of the disk`);

  await ecs.cancelAutoSnapshotPolicy(new Ecs.CancelAutoSnapshotPolicyRequest({ regionId: region, diskIds: JSON.stringify([diskId]) }));
  d = await disk(ecs, diskId);
  check(d.autoSnapshotPolicyId === '' && d.enableAutomatedSnapshotPolicy === false, 'CancelAutoSnapshotPolicy took it off the disk');

  await ecs.deleteAutoSnapshotPolicy(new Ecs.DeleteAutoSnapshotPolicyRequest({ regionId: region, autoSnapshotPolicyId: policyId }));
  check((await policy(ecs, policyId)) === undefined, 'DeleteAutoSnapshotPolicy deleted it');
  await refused(() => ecs.deleteAutoSnapshotPolicy(new Ecs.DeleteAutoSnapshotPolicyRequest({ regionId: region, autoSnapshotPolicyId: policyId })),
    'ParameterInvalid', 404, 'deleting it again');
}

(async () => {
  try {
    await journey('v3', undefined);
    await journey('v2', 'v2');
    console.log('AUTO SNAPSHOT POLICY SDK JOURNEY PASSED');
  } catch (e) {
    console.error('AUTO SNAPSHOT POLICY SDK JOURNEY FAILED:', e.code || '', e.statusCode || '', e.message);
    process.exit(1);
  }
})();
