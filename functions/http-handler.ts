import { handle } from 'hono/aws-lambda';
import { createApp, type Surface } from '../shared/http/app';
import { AwsEnvSchema } from './aws-env';
import { awsPlatform, verifierFor } from './aws-platform';

/** One trust boundary's router of the one Hono app, behind API Gateway's HTTP API. */
export function httpHandler(service: string, surface: Surface) {
  const env = AwsEnvSchema.parse(process.env);
  const app = createApp({ platform: awsPlatform(env, service), verify: verifierFor(env), surfaces: [surface] });
  return handle(app);
}
