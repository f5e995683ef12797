// The light build of Bottleneck (no Redis clustering) is the one Octokit's throttling plugin bundles; it
// ships without its own declaration file.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
