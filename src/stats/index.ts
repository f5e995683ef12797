/** Error bars and baseline comparison for pass rates, computed from per-test running sums. */
export {
  type RateSums,
  addTest,
  emptySums,
  isRateSums,
  mergeSums,
  rateFraction,
  residualSumOfSquares,
  sumsOf
} from './sums.js'
export {
  Z80,
  Z975,
  normalCdf,
  normalQuantile,
  studentT975,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedPValue
} from './distributions.js'
export {
  type IntervalMethod,
  type RateError,
  type RateInterval,
  rateInterval,
  rateStandardError
} from './interval.js'
export {
  type Comparison,
  type Direction,
  type TaskChange,
  type VarianceEstimate,
  compareStratified,
  pooledResidualVariance,
  welchSatterthwaite
} from './compare.js'
export { holm } from './holm.js'
