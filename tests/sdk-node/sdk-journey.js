// The official Alibaba Cloud Node SDK (@alicloud/ecs20140526 7.11.6, pinned in package.json) against a running
// EcsConsole: create an image from an instance, wait for Available, share it, describe the share permission, copy it,
// delete everything; create, import, describe and delete key pairs; DescribePrice and the share group all — once with the default V3 signature (ACS3-HMAC-SHA256) and once with signatureAlgorithm 'v2'
// (HMAC-SHA1). Exits non-zero on the first failure. Usage: ECS_ENDPOINT=localhost:5080 node sdk-journey.js
'use strict';
const { Ecs, client, check } = require('./journey-common');

const region = 'cn-hangzhou';
const copyRegion = 'cn-shanghai';
const globexAccount = '2345678901234567';
const timeoutMs = Number(process.env.ECS_WAIT_SECONDS || 120) * 1000;

async function waitForImage(ecs, regionId, imageId, wanted) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId, imageId, status: 'ALL', imageOwnerAlias: 'self' }));
    const image = r.body.images.image[0];
    if (image && image.status === wanted) return image;
    if (image && image.status === 'CreateFailed') throw new Error(`${imageId} failed`);
    if (Date.now() > deadline) throw new Error(`${imageId} not ${wanted} after ${timeoutMs / 1000}s (last: ${image && image.status} ${image && image.progress})`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

async function journey(label, signatureAlgorithm) {
  console.log(`${label}:`);
  const ecs = client(signatureAlgorithm);
  const stamp = Date.now().toString(36);

  const instances = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: region, status: 'Running' }));
  const instance = instances.body.instances.instance[0];
  check(instance && instance.instanceId.startsWith('i-'), `a Running instance to image (${instance && instance.instanceId})`);

  const created = await ecs.createImage(new Ecs.CreateImageRequest({
    regionId: region, instanceId: instance.instanceId, imageName: `sdk-${label}-${stamp}`, description: 'made by the official Node SDK',
    tag: [new Ecs.CreateImageRequestTag({ key: 'made-by', value: label })],
  }));
  const imageId = created.body.imageId;
  check(/^m-/.test(imageId), `CreateImage answered ${imageId}`);

  const available = await waitForImage(ecs, region, imageId, 'Available');
  check(available.progress === '100%' && available.imageOwnerAlias === 'self', 'the image became Available (100%, self)');
  check(available.diskDeviceMappings.diskDeviceMapping.length >= 1, 'it lists its disk device mappings');
  check(available.tags.tag.some(t => t.tagKey === 'made-by' && t.tagValue === label), 'it carries its tag');

  await ecs.modifyImageSharePermission(new Ecs.ModifyImageSharePermissionRequest({ regionId: region, imageId, addAccount: [globexAccount] }));
  const shares = await ecs.describeImageSharePermission(new Ecs.DescribeImageSharePermissionRequest({ regionId: region, imageId }));
  check(shares.body.accounts.account.some(a => a.aliyunId === globexAccount) && shares.body.totalCount === 1,
    'DescribeImageSharePermission lists Globex');

  const copied = await ecs.copyImage(new Ecs.CopyImageRequest({
    regionId: region, imageId, destinationRegionId: copyRegion, destinationImageName: `sdk-${label}-${stamp}-copy`,
  }));
  const copyId = copied.body.imageId;
  check(/^m-/.test(copyId) && copyId !== imageId, `CopyImage answered ${copyId}`);
  await waitForImage(ecs, copyRegion, copyId, 'Available');
  check(true, 'the copy became Available in ' + copyRegion);

  try {
    await ecs.deleteImage(new Ecs.DeleteImageRequest({ regionId: region, imageId }));
    throw new Error('a shared image was deleted');
  } catch (e) {
    check(e.code === 'ImageUseShared' && e.statusCode === 403, 'deleting the shared image is refused with ImageUseShared (403)');
  }

  await ecs.modifyImageSharePermission(new Ecs.ModifyImageSharePermissionRequest({ regionId: region, imageId, removeAccount: [globexAccount] }));
  await ecs.deleteImage(new Ecs.DeleteImageRequest({ regionId: copyRegion, imageId: copyId }));
  await ecs.deleteImage(new Ecs.DeleteImageRequest({ regionId: region, imageId }));
  const gone = await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId: region, imageId, status: 'ALL' }));
  check(gone.body.totalCount === 0, 'both images are deleted');

  try {
    await ecs.deleteImage(new Ecs.DeleteImageRequest({ regionId: region, imageId }));
    throw new Error('a deleted image was deleted again');
  } catch (e) {
    check(e.code === 'InvalidImageId.NotFound' && e.statusCode === 404, 'a second delete is InvalidImageId.NotFound (404)');
  }
}

// Key pairs: create (the private key comes once), import a public key, describe with the public key, delete both.
async function keyPairs(ecs, label) {
  const name = `sdk-key-${label}`;
  const created = await ecs.createKeyPair(new Ecs.CreateKeyPairRequest({ regionId: region, keyPairName: name }));
  check(created.body.privateKeyBody.startsWith('-----BEGIN PRIVATE KEY-----'), 'CreateKeyPair answers the private key');
  const publicKey = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDUAHY954jzkRJgM26zQt++Ni4IouuGK+gq5T0OTHxvMweCf8tbOndwDa42K6TCJf96kJtJVdyyIbGJT1i2cSXqRFZZr0g+UI22w/WLplFY5qgNoh2ljS0QeB4FzDtLsGmUekbZjzmlSOMoinf/Y0KvS189f2AcIVwWl8RECgaZ0Q== sdk';
  const imported = await ecs.importKeyPair(new Ecs.ImportKeyPairRequest({ regionId: region, keyPairName: `${name}-imported`, publicKeyBody: publicKey }));
  check(imported.body.keyPairFingerPrint === '46:29:10:d6:cf:54:08:12:d4:02:bf:d7:b7:5f:57:18', 'ImportKeyPair answers the RFC 4716 fingerprint');
  const listed = await ecs.describeKeyPairs(new Ecs.DescribeKeyPairsRequest({ regionId: region, keyPairName: `${name}*`, includePublicKey: true }));
  check(listed.body.totalCount === 2 && listed.body.keyPairs.keyPair.every(k => k.publicKey.startsWith('ssh-rsa ')), 'DescribeKeyPairs finds both, with their public keys');
  try {
    await ecs.createKeyPair(new Ecs.CreateKeyPairRequest({ regionId: region, keyPairName: name }));
    throw new Error('a taken key pair name was accepted');
  } catch (e) {
    check(e.code === 'KeyPair.AlreadyExist' && e.statusCode === 400, 'a taken name is KeyPair.AlreadyExist (400)');
  }
  await ecs.deleteKeyPairs(new Ecs.DeleteKeyPairsRequest({ regionId: region, keyPairNames: JSON.stringify([name, `${name}-imported`]) }));
  const gone = await ecs.describeKeyPairs(new Ecs.DescribeKeyPairsRequest({ regionId: region, keyPairName: `${name}*` }));
  check(gone.body.totalCount === 0, 'DeleteKeyPairs deletes both');
}

// DescribePrice as the buy page prices, and the share group "all" (the community publish) on a custom image.
async function priceAndGroups(ecs) {
  const price = await ecs.describePrice(new Ecs.DescribePriceRequest({ regionId: region, instanceType: 'ecs.g7.large', priceUnit: 'Month', period: 1 }));
  const p = price.body.priceInfo.price;
  check(p.currency === 'USD' && p.tradePrice > 0 && p.detailInfos.detailInfo.some(d => d.resource === 'instanceType'), 'DescribePrice prices a month of ecs.g7.large');
  const types = await ecs.describeInstanceTypes(new Ecs.DescribeInstanceTypesRequest({
    minimumCpuCoreCount: 4, instanceCategories: ['General-purpose'], physicalProcessorModel: 'Ice Lake', minimumInstanceBandwidthRx: 3000000,
  }));
  const large = types.body.instanceTypes.instanceType;
  check(large.length === 1 && large[0].instanceTypeId === 'ecs.g7.xlarge' && large[0].cpuSpeedFrequency === 2.7 && large[0].eniQuantity === 4,
    'DescribeInstanceTypes filters on hardware and answers its facts');
  const own = await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId: region, imageOwnerAlias: 'self', imageName: 'acme-base-v1' }));
  const imageId = own.body.images.image[0].imageId;
  await ecs.modifyImageShareGroupPermission(new Ecs.ModifyImageShareGroupPermissionRequest({ regionId: region, imageId, addGroup: ['all'] }));
  const shared = await ecs.describeImageSharePermission(new Ecs.DescribeImageSharePermissionRequest({ regionId: region, imageId }));
  check(shared.body.shareGroups.shareGroup.some(g => g.group === 'all'), 'ModifyImageShareGroupPermission publishes to the group all');
  await ecs.modifyImageShareGroupPermission(new Ecs.ModifyImageShareGroupPermissionRequest({ regionId: region, imageId, removeGroup: ['all'] }));
  const unshared = await ecs.describeImageSharePermission(new Ecs.DescribeImageSharePermissionRequest({ regionId: region, imageId }));
  check(unshared.body.shareGroups.shareGroup.length === 0, 'removing the group all unpublishes');
}

// ClientToken (VAL-TOKEN-01): a retry with the same token answers the first call's ID and makes nothing new; the same
// token with another name is IdempotentParameterMismatch (403).
async function idempotentRetries(ecs, label) {
  const clientToken = `sdk-token-${label}-${Date.now().toString(36)}`;
  const request = () => new Ecs.CreateImageComponentRequest({
    regionId: region, name: `sdk-token-${label}`, systemType: 'Linux', componentType: 'Build', content: 'RUN echo idempotent', clientToken,
  });
  const first = await ecs.createImageComponent(request());
  const retry = await ecs.createImageComponent(request());
  check(retry.body.imageComponentId === first.body.imageComponentId && retry.body.requestId !== first.body.requestId,
    `a retry with the same ClientToken answers the same component (${first.body.imageComponentId})`);
  const listed = await ecs.describeImageComponents(new Ecs.DescribeImageComponentsRequest({ regionId: region, name: `sdk-token-${label}` }));
  check(listed.body.imageComponent.imageComponentSet.length === 1, 'and made only one');
  try {
    await ecs.createImageComponent(new Ecs.CreateImageComponentRequest({ ...request(), name: `sdk-token-${label}-other` }));
    throw new Error('a reused ClientToken with another name was accepted');
  } catch (e) {
    check(e.code === 'IdempotentParameterMismatch' && e.statusCode === 403, 'the token with another name is IdempotentParameterMismatch (403)');
  }
  await ecs.deleteImageComponent(new Ecs.DeleteImageComponentRequest({ regionId: region, imageComponentId: first.body.imageComponentId }));
}

(async () => {
  try {
    await idempotentRetries(client(undefined), 'v3');
    await idempotentRetries(client('v2'), 'v2');
    await journey('v3', undefined);
    await keyPairs(client(undefined), 'v3');
    await priceAndGroups(client(undefined));
    await journey('v2', 'v2');
    await keyPairs(client('v2'), 'v2');
    await priceAndGroups(client('v2'));
    console.log('SDK JOURNEY PASSED');
  } catch (e) {
    console.error('SDK JOURNEY FAILED:', e.code || '', e.statusCode || '', e.message);
    process.exit(1);
  }
})();
