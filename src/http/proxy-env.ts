/** Whether HTTPS_PROXY / HTTP_PROXY (either case) names a proxy, as the runner's own tools read them. */
export function proxyIsSet(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY)
}
