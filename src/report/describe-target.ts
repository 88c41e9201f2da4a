// Moved to src/format/; kept so that modules written against the old path still build.
export { describeTarget, formatNumber, sanitize, type TargetTerms } from '../format/describe-target.js';
