import { compatFolder } from '../evidence/evidence-layout';

/** Where a consumer's compatibility results live: `evidence/compat/<consumer>` (evidence-layout's `compatFolder`). */
export const compatResultFolder = compatFolder;
