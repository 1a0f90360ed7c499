// What every journey of this folder shares: the official SDK's client on alice's demo AccessKey (or the ECS_ACCESS_KEY_*
// given), and the two checks: `check` prints what held and throws on what did not, `refused` expects a call to fail with
// an error code and HTTP status. ECS_ENDPOINT names the console (localhost:5080 by default).
'use strict';
const Ecs = require('@alicloud/ecs20140526');
const { $OpenApiUtil } = require('@alicloud/openapi-core');

const endpoint = process.env.ECS_ENDPOINT || 'localhost:5080';
const accessKeyId = process.env.ECS_ACCESS_KEY_ID || 'LTAI5tDemoAlice000000001';
const accessKeySecret = process.env.ECS_ACCESS_KEY_SECRET || 'DemoAliceSecret000000000000000001';

// The default V3 signature (ACS3-HMAC-SHA256) without an algorithm, HMAC-SHA1 with 'v2'.
function client(signatureAlgorithm, regionId = 'cn-hangzhou') {
  // A cold console on a busy machine can take longer than the SDK's 3-second default to answer its first call.
  const config = { accessKeyId, accessKeySecret, endpoint, protocol: 'http', regionId, readTimeout: 30000, connectTimeout: 10000 };
  if (signatureAlgorithm) config.signatureAlgorithm = signatureAlgorithm;
  return new Ecs.default(new $OpenApiUtil.Config(config));
}

function check(condition, what) {
  if (!condition) throw new Error('check failed: ' + what);
  console.log('  ok: ' + what);
}

async function refused(call, code, statusCode, what) {
  try {
    await call();
  } catch (e) {
    const matches = e.code === code && e.statusCode === statusCode;
    check(matches, `${what} is refused with ${code} (${statusCode})` + (matches ? '' : ` — got ${e.code} (${e.statusCode}): ${e.message}`));
    return;
  }
  throw new Error(`check failed: ${what} succeeded instead of ${code}`);
}

module.exports = { Ecs, endpoint, client, check, refused };
