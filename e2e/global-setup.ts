import { prebuildBundledCrates } from './helpers/cargo-prebuild';

/** Once before every end-to-end spec: see prebuildBundledCrates. */
export default function globalSetup(): void {
  prebuildBundledCrates();
}
