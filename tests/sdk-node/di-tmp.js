const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');
const c = new Ecs.default(new $OpenApiUtil.Config({ accessKeyId:'LTAI5tDemoAlice000000001', accessKeySecret:'DemoAliceSecret000000000000000001', endpoint:'localhost:5290', protocol:'http', regionId:'cn-hangzhou', signatureAlgorithm:'v2' }));
(async()=>{ for (let i=0;i<+(process.argv[2]||1);i++){ const r = await c.describeImages(new Ecs.DescribeImagesRequest({regionId:'cn-hangzhou', imageOwnerAlias:'system', pageSize:50})); if(i==0) console.log(r.body.totalCount, r.body.images.image.length);} })().catch(e=>{console.log(e.code,e.message);process.exit(1)});
