// The official Alibaba Cloud Node SDK (@alicloud/ecs20140526, pinned in package.json) against a running EcsConsole: the
// snapshot actions of issue #22 — CopySnapshot, ModifySnapshotAttribute, DescribeSnapshotsUsage, CreateSnapshotGroup,
// DescribeSnapshotGroups and DeleteSnapshotGroup — with DescribeSnapshots to see what they did, once with the default V3
// signature (ACS3-HMAC-SHA256) and once with signatureAlgorithm 'v2' (HMAC-SHA1). Exits non-zero on the first failure.
// Usage: ECS_ENDPOINT=localhost:5080 node snapshot-journey.js
'use strict';
const { Ecs, client, check, refused } = require('./journey-common');

const region = 'cn-hangzhou';
const destination = 'cn-beijing';

async function snapshot(ecs, regionId, snapshotId) {
  const r = await ecs.describeSnapshots(new Ecs.DescribeSnapshotsRequest({ regionId, snapshotIds: JSON.stringify([snapshotId]) }));
  return r.body.snapshots.snapshot[0];
}

/** Polls until the condition holds (tasks run on the console's clock), for at most a minute. */
async function until(read, holds, what) {
  for (let i = 0; i < 120; i++) {
    const value = await read();
    if (holds(value)) return value;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error('timed out waiting for ' + what);
}

async function journey(label, signatureAlgorithm) {
  console.log(`${label}:`);
  const ecs = client(signatureAlgorithm);
  const running = (await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: region, status: 'Running' }))).body.instances.instance[0];
  check(running, `a Running instance (${running && running.instanceId})`);
  const source = (await ecs.describeSnapshots(new Ecs.DescribeSnapshotsRequest({ regionId: region, status: 'accomplished' }))).body.snapshots.snapshot[0];
  check(source, `an accomplished snapshot (${source && source.snapshotId})`);

  // CopySnapshot: the copy answers at once, progresses in the destination and is accomplished there, encrypted.
  const copied = await ecs.copySnapshot(new Ecs.CopySnapshotRequest({
    regionId: region, snapshotId: source.snapshotId, destinationRegionId: destination, destinationSnapshotName: `sdk-copy-${label}`,
    destinationSnapshotDescription: 'copied by the official Node SDK', retentionDays: 30, encrypted: true,
    clientToken: `sdk-copy-${label}-${Date.now().toString(36)}`,
  }));
  const copyId = copied.body.snapshotId;
  check(/^s-/.test(copyId), `CopySnapshot answered ${copyId}`);
  const copy = await until(() => snapshot(ecs, destination, copyId), s => s && s.status === 'accomplished', 'the copy');
  check(copy.sourceSnapshotId === source.snapshotId && copy.sourceRegionId === region && copy.encrypted === true && copy.retentionDays === 30,
    `the copy in ${destination} is accomplished, encrypted, kept 30 days, from ${source.snapshotId}`);
  await refused(() => ecs.copySnapshot(new Ecs.CopySnapshotRequest({ regionId: region, snapshotId: source.snapshotId, destinationRegionId: region })),
    'InvalidOperation.NotSupportCopyInSameRegion', 403, 'copying into its own region');
  await refused(() => ecs.copySnapshot(new Ecs.CopySnapshotRequest({ regionId: region, snapshotId: 's-nosuchsnapshot', destinationRegionId: destination })),
    'InvalidSnapshotId.NotFound', 404, 'copying an unknown snapshot');

  // ModifySnapshotAttribute: renamed, described and kept a week, as DescribeSnapshots then shows.
  await ecs.modifySnapshotAttribute(new Ecs.ModifySnapshotAttributeRequest({
    snapshotId: copyId, snapshotName: `sdk-renamed-${label}`, description: 'renamed by the SDK', retentionDays: 7,
  }));
  const renamed = await snapshot(ecs, destination, copyId);
  check(renamed.snapshotName === `sdk-renamed-${label}` && renamed.description === 'renamed by the SDK' && renamed.retentionDays === 7,
    'ModifySnapshotAttribute renamed it and set its retention');
  await refused(() => ecs.modifySnapshotAttribute(new Ecs.ModifySnapshotAttributeRequest({ snapshotId: copyId, snapshotName: 'auto-reserved' })),
    'InvalidSnapshotName.Malformed', 400, 'a name starting with auto');

  // DescribeSnapshotsUsage counts the destination's snapshots and their bytes.
  const usage = (await ecs.describeSnapshotsUsage(new Ecs.DescribeSnapshotsUsageRequest({ regionId: destination }))).body;
  check(usage.snapshotCount >= 1 && usage.snapshotSize >= copy.fullSnapshotSizeInBytes, `DescribeSnapshotsUsage: ${usage.snapshotCount} snapshots, ${usage.snapshotSize} bytes`);

  // A snapshot-consistent group of the Running instance's disks, described, then deleted with its snapshots.
  const group = await ecs.createSnapshotGroup(new Ecs.CreateSnapshotGroupRequest({
    regionId: region, instanceId: running.instanceId, name: `sdk-group-${label}`, description: 'grouped by the SDK',
  }));
  const groupId = group.body.snapshotGroupId;
  check(/^ssg-/.test(groupId), `CreateSnapshotGroup answered ${groupId}`);
  const describeGroup = () => ecs.describeSnapshotGroups(new Ecs.DescribeSnapshotGroupsRequest({ regionId: region, snapshotGroupId: [groupId] }))
    .then(r => r.body.snapshotGroups.snapshotGroup[0]);
  const done = await until(describeGroup, g => g && g.status === 'accomplished', 'the group');
  const members = done.snapshots.snapshot;
  check(done.instanceId === running.instanceId && members.length >= 1 && members.every(s => s.available && s.progress === '100%'),
    `DescribeSnapshotGroups shows it accomplished with ${members.length} snapshots`);
  await refused(() => ecs.createSnapshotGroup(new Ecs.CreateSnapshotGroupRequest({ regionId: region, instanceId: 'i-nosuchinstance' })),
    'InvalidInstanceId.NotFound', 404, 'a group of an unknown instance');
  const deleted = await ecs.deleteSnapshotGroup(new Ecs.DeleteSnapshotGroupRequest({ regionId: region, snapshotGroupId: groupId }));
  check(deleted.body.operationProgressSet.operationProgress.length === members.length, 'DeleteSnapshotGroup deleted each of its snapshots');
  check((await snapshot(ecs, region, members[0].snapshotId)) === undefined, 'its snapshots are gone');
  await refused(() => ecs.deleteSnapshotGroup(new Ecs.DeleteSnapshotGroupRequest({ regionId: region, snapshotGroupId: groupId })),
    'InvalidSnapshotGroupId.NotFound', 404, 'deleting it again');
}

(async () => {
  try {
    await journey('v3', undefined);
    await journey('v2', 'v2');
    console.log('SNAPSHOT SDK JOURNEY PASSED');
  } catch (e) {
    console.error('SNAPSHOT SDK JOURNEY FAILED:', e.code || '', e.statusCode || '', e.message);
    process.exit(1);
  }
})();
