// The official Alibaba Cloud Node SDK (@alicloud/ecs20140526 7.11.6, pinned in package.json) against a running
// EcsConsole's Image Builder (image-builder.md §5): create a component, a template (pipeline) that uses it and is
// distributed to cn-shanghai and shared with Globex, read both back through the typed response models, build it to
// SUCCESS, check the refusals (a second start, a cancel after the end), delete the template and the component, and
// clean up the built images — once with the default V3 signature (ACS3-HMAC-SHA256) and once with
// signatureAlgorithm 'v2' (HMAC-SHA1). Exits non-zero on the first failure.
// Usage: ECS_ENDPOINT=localhost:5080 node image-builder-journey.js
'use strict';
const { Ecs, client, check, refused } = require('./journey-common');

const region = 'cn-hangzhou';
const copyRegion = 'cn-shanghai';
const globexAccount = '2345678901234567';
const baseImage = 'ubuntu_22_04_x64_20G_alibase_20240130.vhd';
const timeoutMs = Number(process.env.ECS_WAIT_SECONDS || 120) * 1000;

async function waitForExecution(ecs, imagePipelineId, executionId) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await ecs.describeImagePipelineExecutions(new Ecs.DescribeImagePipelineExecutionsRequest({ regionId: region, imagePipelineId }));
    const execution = r.body.imagePipelineExecution.imagePipelineExecutionSet.find(e => e.executionId === executionId);
    if (execution && execution.status === 'SUCCESS') return execution;
    if (execution && /FAILED|CANCEL|PARTITION_SUCCESS/.test(execution.status)) {
      throw new Error(`${executionId} ended ${execution.status}: ${execution.errorCode || ''} ${execution.errorInfo || execution.message || ''}`);
    }
    if (Date.now() > deadline) throw new Error(`${executionId} not SUCCESS after ${timeoutMs / 1000}s (last: ${execution && execution.status} ${execution && execution.message})`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

async function imagesNamed(ecs, regionId, imageName) {
  const r = await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId, imageName, status: 'ALL', imageOwnerAlias: 'self' }));
  return r.body.images.image.filter(i => i.imageName === imageName);
}

async function journey(label, signatureAlgorithm) {
  console.log(`${label}:`);
  const ecs = client(signatureAlgorithm);
  const stamp = Date.now().toString(36);

  // 1. A component
  const component = await ecs.createImageComponent(new Ecs.CreateImageComponentRequest({
    regionId: region, name: `sdk-ic-${label}-${stamp}`, description: 'made by the official Node SDK',
    systemType: 'Linux', componentType: 'Build', content: 'RUN echo sdk',
    tag: [new Ecs.CreateImageComponentRequestTag({ key: 'made-by', value: label })],
  }));
  const componentId = component.body.imageComponentId;
  check(/^ic-/.test(componentId), `CreateImageComponent answered ${componentId}`);

  const components = await ecs.describeImageComponents(new Ecs.DescribeImageComponentsRequest({ regionId: region, imageComponentId: [componentId] }));
  const described = components.body.imageComponent.imageComponentSet;
  check(components.body.totalCount === 1 && described.length === 1 && described[0].imageComponentId === componentId,
    'DescribeImageComponents by ID finds exactly it (TotalCount a number)');
  check(described[0].componentVersion === '1.0.0' && described[0].owner === 'SELF', 'it is version 1.0.0, owner SELF');
  check(described[0].systemType === 'Linux' && described[0].componentType === 'Build' && described[0].content === 'RUN echo sdk',
    'it is a Linux Build component with its content');
  check(described[0].tags.tag.some(t => t.tagKey === 'made-by' && t.tagValue === label), 'it carries its tag');

  // 2. A template (pipeline) that uses it, distributed to cn-shanghai and shared with Globex
  const imageName = `sdk-ib-${label}-${stamp}`;
  const pipeline = await ecs.createImagePipeline(new Ecs.CreateImagePipelineRequest({
    regionId: region, name: `sdk-ip-${label}-${stamp}`, description: 'made by the official Node SDK',
    baseImageType: 'IMAGE', baseImage, buildContent: `COMPONENT ${componentId}\nRUN echo built`,
    instanceType: 'ecs.g7.large', systemDiskSize: 40, toRegionId: [copyRegion], addAccount: [Number(globexAccount)],
    imageOptions: new Ecs.CreateImagePipelineRequestImageOptions({
      imageName, imageFamily: `sdk-family-${label}`,
      imageTags: [new Ecs.CreateImagePipelineRequestImageOptionsImageTags({ key: 'built-by', value: label })],
    }),
    deleteInstanceOnFailure: true,
    tag: [new Ecs.CreateImagePipelineRequestTag({ key: 'made-by', value: label })],
  }));
  const pipelineId = pipeline.body.imagePipelineId;
  check(/^ip-/.test(pipelineId), `CreateImagePipeline answered ${pipelineId}`);

  // 3. Read back through the typed response model
  const pipelines = await ecs.describeImagePipelines(new Ecs.DescribeImagePipelinesRequest({ regionId: region, imagePipelineId: [pipelineId] }));
  check(pipelines.body.totalCount === 1 && pipelines.body.imagePipeline.imagePipelineSet.length === 1, 'DescribeImagePipelines by ID finds exactly it');
  const p = pipelines.body.imagePipeline.imagePipelineSet[0];
  check(p.imagePipelineId === pipelineId && p.baseImageType === 'IMAGE' && p.baseImage === baseImage, 'it has its base image');
  check(p.buildContent === `COMPONENT ${componentId}\nRUN echo built`, 'its BuildContent is as written (newline kept)');
  check(p.instanceType === 'ecs.g7.large', 'its instance type');
  check(p.systemDiskSize === 40 && typeof p.systemDiskSize === 'number', 'SystemDiskSize is the number 40');
  check(p.deleteInstanceOnFailure === true, 'DeleteInstanceOnFailure is the boolean true');
  check(p.toRegionIds.toRegionId.length === 1 && p.toRegionIds.toRegionId[0] === copyRegion, 'ToRegionIds.ToRegionId[0] is cn-shanghai');
  check(p.addAccounts.addAccount.length === 1 && p.addAccounts.addAccount[0] === globexAccount, 'AddAccounts.AddAccount[0] is the string 2345678901234567');
  check(p.imageOptions.imageName === imageName && p.imageName === imageName, 'ImageOptions.ImageName and its deprecated mirror ImageName');
  check(p.imageOptions.imageFamily === `sdk-family-${label}` && p.imageFamily === `sdk-family-${label}`, 'ImageOptions.ImageFamily and its mirror');
  check(p.imageOptions.imageTags.imageTag.some(t => t.tagKey === 'built-by' && t.tagValue === label), 'ImageOptions.ImageTags.ImageTag carries the image tag');
  check(p.tags.tag.some(t => t.tagKey === 'made-by' && t.tagValue === label), 'the template carries its tag');

  // 4. Start a build; a second start is refused while it runs
  const started = await ecs.startImagePipelineExecution(new Ecs.StartImagePipelineExecutionRequest({
    regionId: region, imagePipelineId: pipelineId,
    tag: [new Ecs.StartImagePipelineExecutionRequestTag({ key: 'made-by', value: label })],
  }));
  const executionId = started.body.executionId;
  check(/^exec-/.test(executionId), `StartImagePipelineExecution answered ${executionId}`);
  await refused(() => ecs.startImagePipelineExecution(new Ecs.StartImagePipelineExecutionRequest({ regionId: region, imagePipelineId: pipelineId })),
    'InvalidImagePipeline.HasRunningExecution', 403, 'a second start while it runs');

  // 5. Build to SUCCESS; the image is Available under <prefix>_<executionId>
  const done = await waitForExecution(ecs, pipelineId, executionId);
  check(/^m-/.test(done.imageId), `the build reached SUCCESS with ImageId ${done.imageId}`);
  check(done.imagePipelineId === pipelineId && done.tags.tag.some(t => t.tagKey === 'made-by' && t.tagValue === label),
    'the execution names its template and carries its tag');
  const builtName = `${imageName}_${executionId}`;
  const images = await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId: region, imageId: done.imageId, status: 'ALL', imageOwnerAlias: 'self' }));
  const built = images.body.images.image[0];
  check(built && built.status === 'Available' && built.imageName === builtName, `DescribeImages finds it Available as ${builtName}`);
  check(built.imageFamily === `sdk-family-${label}`, 'it joined the template\'s image family');
  check(built.tags.tag.some(t => t.tagKey === 'built-by' && t.tagValue === label), 'it carries the ImageOptions tag');
  const shares = await ecs.describeImageSharePermission(new Ecs.DescribeImageSharePermissionRequest({ regionId: region, imageId: done.imageId }));
  check(shares.body.accounts.account.some(a => a.aliyunId === globexAccount), 'it is shared with Globex');
  const copies = await imagesNamed(ecs, copyRegion, builtName);
  check(copies.length === 1 && copies[0].status === 'Available' && copies[0].imageId !== done.imageId,
    `its copy ${copies[0] && copies[0].imageId} is Available in ${copyRegion}`);

  // 6. A finished build cannot be cancelled
  await refused(() => ecs.cancelImagePipelineExecution(new Ecs.CancelImagePipelineExecutionRequest({ regionId: region, executionId })),
    'InvalidStatus.CancelFailed', 400, 'cancelling the finished build');

  // 7. Delete the template, then the component; the built images stay until deleted (unshared first: ImageUseShared)
  await ecs.deleteImagePipeline(new Ecs.DeleteImagePipelineRequest({ regionId: region, imagePipelineId: pipelineId }));
  const gonePipeline = await ecs.describeImagePipelines(new Ecs.DescribeImagePipelinesRequest({ regionId: region, imagePipelineId: [pipelineId] }));
  check(gonePipeline.body.totalCount === 0, 'DeleteImagePipeline removed the template');
  await ecs.deleteImageComponent(new Ecs.DeleteImageComponentRequest({ regionId: region, imageComponentId: componentId }));
  const goneComponent = await ecs.describeImageComponents(new Ecs.DescribeImageComponentsRequest({ regionId: region, imageComponentId: [componentId] }));
  check(goneComponent.body.totalCount === 0, 'DeleteImageComponent removed the component');

  for (const [regionId, imageId] of [[region, done.imageId], [copyRegion, copies[0].imageId]]) {
    await refused(() => ecs.deleteImage(new Ecs.DeleteImageRequest({ regionId, imageId, force: true })),
      'ImageUseShared', 403, `deleting the shared ${imageId} in ${regionId}, even with Force,`);
    await ecs.modifyImageSharePermission(new Ecs.ModifyImageSharePermissionRequest({ regionId, imageId, removeAccount: [globexAccount] }));
    await ecs.deleteImage(new Ecs.DeleteImageRequest({ regionId, imageId }));
    const gone = await ecs.describeImages(new Ecs.DescribeImagesRequest({ regionId, imageId, status: 'ALL' }));
    check(gone.body.totalCount === 0, `unshared and deleted ${imageId} in ${regionId}`);
  }
}

(async () => {
  try {
    await journey('v3', undefined);
    await journey('v2', 'v2');
    console.log('IMAGE BUILDER SDK JOURNEY PASSED');
  } catch (e) {
    console.error('IMAGE BUILDER SDK JOURNEY FAILED:', e.code || '', e.statusCode || '', e.message);
    process.exit(1);
  }
})();
