// The official Alibaba Cloud Node SDK (@alicloud/ecs20140526, pinned in package.json) against a running EcsConsole: the
// disk actions — CreateDisk, AttachDisk, DetachDisk, DeleteDisk, ResetDisk and ReInitDisk, and JoinResourceGroup — with DescribeDisks and
// DescribeSnapshots to see what they did, once with the default V3 signature (ACS3-HMAC-SHA256) and once with
// signatureAlgorithm 'v2' (HMAC-SHA1). Exits non-zero on the first failure. Usage: ECS_ENDPOINT=localhost:5080 node disk-journey.js
'use strict';
const { Ecs, client, check, refused } = require('./journey-common');

const region = 'cn-hangzhou';

async function disk(ecs, diskId) {
  const r = await ecs.describeDisks(new Ecs.DescribeDisksRequest({ regionId: region, diskIds: JSON.stringify([diskId]) }));
  return r.body.disks.disk[0];
}

async function journey(label, signatureAlgorithm) {
  console.log(`${label}:`);
  const ecs = client(signatureAlgorithm);
  const running = (await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: region, status: 'Running' }))).body.instances.instance[0];
  const stopped = (await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: region, status: 'Stopped' }))).body.instances.instance[0];
  check(running && stopped, `a Running (${running && running.instanceId}) and a Stopped instance (${stopped && stopped.instanceId})`);

  // A new disk in the Running instance's zone: Available, then attached, detached and deleted.
  const created = await ecs.createDisk(new Ecs.CreateDiskRequest({
    regionId: region, zoneId: running.zoneId, diskCategory: 'cloud_essd', size: 40, diskName: `sdk-disk-${label}`,
    description: 'made by the official Node SDK', clientToken: `sdk-disk-${label}-${Date.now().toString(36)}`,
  }));
  const diskId = created.body.diskId;
  check(/^d-/.test(diskId), `CreateDisk answered ${diskId}`);
  let d = await disk(ecs, diskId);
  check(d.status === 'Available' && d.instanceId === '' && d.diskName === `sdk-disk-${label}` && d.size === 40, 'DescribeDisks shows it Available, on no instance');

  // JoinResourceGroup: into the group another disk of the account is in (the demo world keeps one in Acme's Test group);
  // DescribeDisks' ResourceGroupId then finds it there. A group that does not exist is refused.
  const all = (await ecs.describeDisks(new Ecs.DescribeDisksRequest({ regionId: region, pageSize: 100 }))).body.disks.disk;
  const other = all.find(x => x.resourceGroupId && x.resourceGroupId !== d.resourceGroupId);
  check(other, `another disk is in a resource group other than ${d.resourceGroupId} (${other && other.resourceGroupId})`);
  await ecs.joinResourceGroup(new Ecs.JoinResourceGroupRequest({ regionId: region, resourceType: 'disk', resourceId: diskId, resourceGroupId: other.resourceGroupId }));
  const grouped = (await ecs.describeDisks(new Ecs.DescribeDisksRequest({ regionId: region, resourceGroupId: other.resourceGroupId, pageSize: 100 }))).body.disks.disk;
  check(grouped.some(x => x.diskId === diskId) && grouped.every(x => x.resourceGroupId === other.resourceGroupId),
    `JoinResourceGroup moved it into ${other.resourceGroupId}, where DescribeDisks finds it`);
  await refused(() => ecs.joinResourceGroup(new Ecs.JoinResourceGroupRequest({ regionId: region, resourceType: 'disk', resourceId: diskId, resourceGroupId: 'rg-nosuchgroup00000' })),
    'InvalidResourceGroup.NotFound', 404, 'joining a group that does not exist');

  await ecs.attachDisk(new Ecs.AttachDiskRequest({ diskId, instanceId: running.instanceId, deleteWithInstance: false }));
  d = await disk(ecs, diskId);
  check(d.status === 'In_use' && d.instanceId === running.instanceId && d.device.startsWith('/dev/xvd'), `AttachDisk put it on ${running.instanceId} at ${d.device}`);
  await refused(() => ecs.deleteDisk(new Ecs.DeleteDiskRequest({ diskId })), 'IncorrectDiskStatus', 403, 'deleting a disk in use');

  await ecs.detachDisk(new Ecs.DetachDiskRequest({ diskId, instanceId: running.instanceId }));
  d = await disk(ecs, diskId);
  check(d.status === 'Available' && d.detachedTime !== '', 'DetachDisk made it Available again');
  await ecs.deleteDisk(new Ecs.DeleteDiskRequest({ diskId }));
  check((await disk(ecs, diskId)) === undefined, 'DeleteDisk released it');

  // The Stopped instance's data disk rolled back to its own snapshot, and its system disk re-initialised.
  const own = (await ecs.describeDisks(new Ecs.DescribeDisksRequest({ regionId: region, instanceId: stopped.instanceId }))).body.disks.disk;
  const data = own.find(x => x.type === 'data');
  const system = own.find(x => x.type === 'system');
  const snapshots = (await ecs.describeSnapshots(new Ecs.DescribeSnapshotsRequest({ regionId: region, diskId: data.diskId }))).body.snapshots.snapshot;
  check(snapshots.length >= 1, `the data disk ${data.diskId} has a snapshot (${snapshots[0] && snapshots[0].snapshotId})`);
  await ecs.resetDisk(new Ecs.ResetDiskRequest({ diskId: data.diskId, snapshotId: snapshots[0].snapshotId }));
  check(true, 'ResetDisk rolled the data disk back to its snapshot');
  const systemSnapshots = (await ecs.describeSnapshots(new Ecs.DescribeSnapshotsRequest({ regionId: region, diskId: system.diskId }))).body.snapshots.snapshot;
  await refused(() => ecs.resetDisk(new Ecs.ResetDiskRequest({ diskId: data.diskId, snapshotId: systemSnapshots[0].snapshotId })),
    'OperationDenied', 403, "rolling back to another disk's snapshot");
  await ecs.reInitDisk(new Ecs.ReInitDiskRequest({ diskId: system.diskId }));
  check(true, 'ReInitDisk re-initialised the system disk');
  await refused(() => ecs.detachDisk(new Ecs.DetachDiskRequest({ diskId: system.diskId, instanceId: stopped.instanceId })),
    'DiskNotPortable', 403, 'detaching a system disk');
}

(async () => {
  try {
    await journey('v3', undefined);
    await journey('v2', 'v2');
    console.log('DISK SDK JOURNEY PASSED');
  } catch (e) {
    console.error('DISK SDK JOURNEY FAILED:', e.code || '', e.statusCode || '', e.message);
    process.exit(1);
  }
})();
