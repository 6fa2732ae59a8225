/** A container's probes, in Kubernetes' names: for the pods the lab runs and for lint's manifests (kept apart from pod-file.ts's schema, so lint loads no zod). */
export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
