import { serviceOf } from '../../controls';
import { compareText, SERVICE_MODELS, type ControlCatalog, type ScannedResource, type ServiceModel } from '../../model';
import type { ServicesInUse } from './types';

/** The services the scanned resources belong to, by service model, and the types the catalog does not place. */
export function servicesInUse(resources: readonly ScannedResource[], catalog: ControlCatalog): ServicesInUse {
  const byModel = new Map<ServiceModel, Map<string, number>>();
  const unmapped = new Map<string, number>();
  for (const resource of resources) {
    const entry = serviceOf(catalog, resource.family, resource.type);
    if (!entry) {
      unmapped.set(resource.type, (unmapped.get(resource.type) ?? 0) + 1);
      continue;
    }
    const services = byModel.get(entry.model) ?? new Map<string, number>();
    services.set(entry.service, (services.get(entry.service) ?? 0) + 1);
    byModel.set(entry.model, services);
  }
  const counted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => compareText(a, b));
  return {
    models: SERVICE_MODELS.filter((model) => byModel.has(model)).map((model) => ({
      model,
      title: catalog.models[model].title,
      summary: catalog.models[model].summary,
      services: counted(byModel.get(model)!).map(([service, n]) => ({ service, resources: n })),
    })),
    unmapped: counted(unmapped).map(([type, n]) => ({ type, resources: n })),
  };
}

/** The names of the services in use, by service model, then by name. */
export function serviceNames(services: ServicesInUse): string[] {
  return services.models.flatMap((m) => m.services.map((s) => s.service));
}
