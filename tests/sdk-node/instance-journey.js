// The official Alibaba Cloud Node SDK (@alicloud/ecs20140526 7.11.6, pinned in package.json) against a running
// EcsConsole (issue #22): the default network (DescribeVpcs, DescribeVSwitches, DescribeSecurityGroups), the catalogue
// (DescribeInstanceTypeFamilies, DescribeAvailableResource), and an instance's life through the instance actions —
// CreateInstance in that network, DescribeInstanceAttribute, StartInstances, RebootInstance, ModifyInstanceAttribute,
// StopInstances, DescribeInstanceStatus, DeleteInstances — once with the default V3 signature (ACS3-HMAC-SHA256) and
// once with signatureAlgorithm 'v2' (HMAC-SHA1). Exits non-zero on the first failure.
// Usage: ECS_ENDPOINT=localhost:5080 node instance-journey.js
'use strict';
const { Ecs, client, check } = require('./journey-common');

const region = 'cn-hangzhou';
const zone = 'cn-hangzhou-h';
const image = 'aliyun_3_x64_20G_alibase_20250101.vhd';
const timeoutMs = Number(process.env.ECS_WAIT_SECONDS || 120) * 1000;

async function waitForStatus(ecs, instanceId, wanted) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await ecs.describeInstanceStatus(new Ecs.DescribeInstanceStatusRequest({ regionId: region, instanceId: [instanceId] }));
    const status = r.body.instanceStatuses.instanceStatus[0];
    if (status && status.status === wanted) return;
    if (Date.now() > deadline) throw new Error(`${instanceId} not ${wanted} after ${timeoutMs / 1000}s (last: ${status && status.status})`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

// The account's default network: one VPC, a vSwitch per zone in it, one security group in it.
async function network(ecs) {
  const vpcs = await ecs.describeVpcs(new Ecs.DescribeVpcsRequest({ regionId: region, isDefault: true }));
  const vpc = vpcs.body.vpcs.vpc[0];
  check(vpcs.body.totalCount === 1 && vpc.isDefault && /^vpc-/.test(vpc.vpcId), `DescribeVpcs answers the default VPC (${vpc && vpc.vpcId})`);
  const vSwitches = await ecs.describeVSwitches(new Ecs.DescribeVSwitchesRequest({ regionId: region, vpcId: vpc.vpcId, zoneId: zone }));
  const vSwitch = vSwitches.body.vSwitches.vSwitch[0];
  check(vSwitches.body.totalCount === 1 && vSwitch.zoneId === zone && vpc.vSwitchIds.vSwitchId.includes(vSwitch.vSwitchId),
    `DescribeVSwitches answers the VPC's vSwitch in ${zone}`);
  const groups = await ecs.describeSecurityGroups(new Ecs.DescribeSecurityGroupsRequest({ regionId: region, vpcId: vpc.vpcId }));
  const group = groups.body.securityGroups.securityGroup[0];
  check(groups.body.totalCount === 1 && group.vpcId === vpc.vpcId && group.securityGroupType === 'normal', 'DescribeSecurityGroups answers the VPC\'s group');
  return { vpcId: vpc.vpcId, vSwitchId: vSwitch.vSwitchId, securityGroupId: group.securityGroupId };
}

// What the buy page sells: the families by generation, and the system disks a type takes in a zone.
async function catalogue(ecs) {
  const families = await ecs.describeInstanceTypeFamilies(new Ecs.DescribeInstanceTypeFamiliesRequest({ regionId: region, generation: 'ecs-7' }));
  const ids = families.body.instanceTypeFamilies.instanceTypeFamily.map(f => f.instanceTypeFamilyId);
  check(ids.includes('ecs.g8y') && families.body.instanceTypeFamilies.instanceTypeFamily.every(f => f.generation === 'ecs-7'),
    'DescribeInstanceTypeFamilies lists the ecs-7 families');
  const available = await ecs.describeAvailableResource(new Ecs.DescribeAvailableResourceRequest({
    regionId: region, destinationResource: 'SystemDisk', instanceType: 'ecs.g7.large', zoneId: zone, ioOptimized: 'optimized',
  }));
  const resources = available.body.availableZones.availableZone[0].availableResources.availableResource[0].supportedResources.supportedResource;
  check(resources.some(r => r.value === 'cloud_essd' && r.status === 'Available' && r.max === 500 && r.unit === 'GiB'),
    'DescribeAvailableResource sells ESSD system disks for ecs.g7.large');
}

async function instanceLife(ecs, label, net) {
  const created = await ecs.createInstance(new Ecs.CreateInstanceRequest({
    regionId: region, zoneId: zone, instanceType: 'ecs.g7.large', imageId: image, instanceName: `sdk-${label}-instance`,
    description: 'made by the official Node SDK', hostName: `sdk-${label}-host`, vSwitchId: net.vSwitchId, securityGroupId: net.securityGroupId,
    systemDisk: new Ecs.CreateInstanceRequestSystemDisk({ category: 'cloud_essd', size: 40, diskName: `sdk-${label}-system` }),
    // Issue #21's launch options: user data, a tag, bandwidth and the metadata service's tokens
    userData: Buffer.from('#!/bin/sh\necho sdk').toString('base64'), tag: [new Ecs.CreateInstanceRequestTag({ key: 'journey', value: label })],
    internetChargeType: 'PayByBandwidth', internetMaxBandwidthOut: 5, httpTokens: 'required',
  }));
  const instanceId = created.body.instanceId;
  check(/^i-/.test(instanceId), `CreateInstance answered ${instanceId}`);

  // The metadata options are answered when asked for (AdditionalAttributes META_OPTIONS, IPAR-33).
  const listed = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({
    regionId: region, instanceIds: JSON.stringify([instanceId]), additionalAttributes: ['META_OPTIONS'],
  }));
  const shown = listed.body.instances.instance[0];
  check(shown.tags.tag[0].tagKey === 'journey' && shown.tags.tag[0].tagValue === label && shown.internetMaxBandwidthOut === 5
    && shown.internetChargeType === 'PayByBandwidth' && shown.metadataOptions.httpTokens === 'required',
    'DescribeInstances shows its tag, bandwidth and metadata options');
  try {
    await ecs.runInstances(new Ecs.RunInstancesRequest({
      regionId: region, zoneId: zone, instanceType: 'ecs.g7.large', imageId: image, launchTemplateId: 'lt-nosuchtemplate',
    }));
    throw new Error('a launch template that does not exist was used');
  } catch (e) {
    check(e.code === 'InvalidLaunchTemplate.NotFound' && e.statusCode === 404, 'RunInstances with an unknown launch template is InvalidLaunchTemplate.NotFound (404)');
  }

  const attribute = await ecs.describeInstanceAttribute(new Ecs.DescribeInstanceAttributeRequest({ instanceId }));
  check(attribute.body.status === 'Stopped' && attribute.body.hostName === `sdk-${label}-host` && attribute.body.vpcAttributes.vSwitchId === net.vSwitchId,
    'DescribeInstanceAttribute shows it Stopped, with its host name, in the vSwitch');

  const started = await ecs.startInstances(new Ecs.StartInstancesRequest({ regionId: region, instanceId: [instanceId] }));
  const startAnswer = started.body.instanceResponses.instanceResponse[0];
  check(startAnswer.code === '200' && startAnswer.previousStatus === 'Stopped', 'StartInstances answers 200 for it');
  await waitForStatus(ecs, instanceId, 'Running');
  check(true, 'it is Running');

  await ecs.rebootInstance(new Ecs.RebootInstanceRequest({ instanceId }));
  await waitForStatus(ecs, instanceId, 'Running');
  check(true, 'RebootInstance restarted it');

  await ecs.modifyInstanceAttribute(new Ecs.ModifyInstanceAttributeRequest({ instanceId, description: 'protected by the SDK', deletionProtection: true }));
  try {
    await ecs.deleteInstances(new Ecs.DeleteInstancesRequest({ regionId: region, instanceId: [instanceId], force: true }));
    throw new Error('a protected instance was released');
  } catch (e) {
    check(e.code === 'InvalidOperation.DeletionProtection' && e.statusCode === 403, 'DeleteInstances refuses the protected instance (403)');
  }
  await ecs.modifyInstanceAttribute(new Ecs.ModifyInstanceAttributeRequest({ instanceId, deletionProtection: false }));

  try {
    await ecs.rebootInstance(new Ecs.RebootInstanceRequest({ instanceId: 'i-nosuchinstance' }));
    throw new Error('an unknown instance was rebooted');
  } catch (e) {
    check(e.code === 'InvalidInstanceId.NotFound' && e.statusCode === 404, 'RebootInstance of an unknown instance is InvalidInstanceId.NotFound (404)');
  }

  const stopped = await ecs.stopInstances(new Ecs.StopInstancesRequest({
    regionId: region, instanceId: [instanceId], batchOptimization: 'SuccessFirst', stoppedMode: 'StopCharging',
  }));
  check(stopped.body.instanceResponses.instanceResponse[0].code === '200', 'StopInstances answers 200 for it');
  await waitForStatus(ecs, instanceId, 'Stopped');
  const economical = await ecs.describeInstanceAttribute(new Ecs.DescribeInstanceAttributeRequest({ instanceId }));
  check(economical.body.stoppedMode === 'StopCharging', 'it stopped in economical mode (StoppedMode=StopCharging)');

  await ecs.deleteInstances(new Ecs.DeleteInstancesRequest({ regionId: region, instanceId: [instanceId] }));
  const gone = await ecs.describeInstanceStatus(new Ecs.DescribeInstanceStatusRequest({ regionId: region, instanceId: [instanceId] }));
  check(gone.body.totalCount === 0, 'DeleteInstances released it');
}

(async () => {
  try {
    for (const [label, algorithm] of [['v3', undefined], ['v2', 'v2']]) {
      console.log(`${label}:`);
      const ecs = client(algorithm);
      const net = await network(ecs);
      await catalogue(ecs);
      await instanceLife(ecs, label, net);
    }
    console.log('INSTANCE SDK JOURNEY PASSED');
  } catch (e) {
    console.error('INSTANCE SDK JOURNEY FAILED:', e.code || '', e.statusCode || '', e.message);
    process.exit(1);
  }
})();
