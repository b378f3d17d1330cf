import type { ResourceGraph } from '../../graph/graph';

/** What every condition may consult besides its scope. */
export interface Env {
  graph: ResourceGraph;
  strict: boolean;
}
