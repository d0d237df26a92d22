import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionNodeFlags } from '../../bench/processes.js';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Service } from 'kubernetes-models/v1/Service';

/**
 * The manifests in docs/operations/kubernetes, validated offline against the Kubernetes API schemas
 * (kubernetes-models bundles them), and checked for what running this service needs.
 */
const DIRECTORY = new URL('../../docs/operations/kubernetes/', import.meta.url);
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

type Manifest = { apiVersion: string; kind: string; spec: Record<string, unknown> } & Record<string, unknown>;
const manifests: Manifest[] = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(new URL(file, DIRECTORY), 'utf8')).map((document) => document.toJS() as Manifest));
const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);

describe('Kubernetes manifests', () => {
  it('validate against the Kubernetes API schemas, and include every kind the service needs', () => {
    for (const manifest of manifests) {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => {
        new Model!(manifest as never).validate();
      }).not.toThrow();
    }
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
  });

  it('run the subgraph as it needs: non-root, read-only, sized, probed, draining before it stops', () => {
    interface Container {
      securityContext: unknown;
      resources: unknown;
      livenessProbe: unknown;
      readinessProbe: unknown;
      lifecycle?: { preStop?: unknown };
      env: Array<{ name: string; value: string }>;
    }
    const deployment = ofKind('Deployment')[0] as unknown as {
      spec: { template: { spec: { terminationGracePeriodSeconds: number; securityContext: unknown; containers: Container[] } } };
    };
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container?.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(container?.resources).toMatchObject({ requests: { cpu: '250m', memory: '192Mi' }, limits: { cpu: '1', memory: '320Mi' } });
    expect(container?.livenessProbe).toMatchObject({ httpGet: { path: '/health' } });
    expect(container?.readinessProbe).toMatchObject({ httpGet: { path: '/ready' } });
    expect(container?.lifecycle?.preStop).toBeDefined();
    const env = Object.fromEntries((container?.env ?? []).map(({ name, value }) => [name, Number(value)]));
    // The readiness delay, the drain, then at most 2 s to send the last spans (src/telemetry/otel-tracer.ts).
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan((env['SHUTDOWN_READINESS_DELAY_MS'] ?? 0) + (env['SHUTDOWN_DRAIN_MS'] ?? 0) + 2_000);
  });

  it('run the image with a heap limit that leaves the container room for the rest of the process', () => {
    // The flags as the bench reads them from the Dockerfile's CMD.
    const heapMb = Number(/^--max-old-space-size=(\d+)$/.exec(productionNodeFlags().find((arg) => arg.startsWith('--max-old-space-size=')) ?? '')?.[1]);
    const deployment = ofKind('Deployment')[0] as unknown as { spec: { template: { spec: { containers: Array<{ resources: { limits: { memory: string } } }> } } } };
    const limitMb = Number(/^(\d+)Mi$/.exec(deployment.spec.template.spec.containers[0]!.resources.limits.memory)?.[1]);
    expect(heapMb).toBeGreaterThan(0);
    // Node itself, compiled code and the young generation take about 100 MiB beside the old generation.
    expect(heapMb + 100).toBeLessThanOrEqual(limitMb);
  });

  it('admit only the gateway (and the metrics scraper) to the subgraph\'s port', () => {
    const [policy] = ofKind('NetworkPolicy') as unknown as Array<{ spec: { policyTypes: string[]; ingress: Array<{ from: Array<Record<string, unknown>>; ports: unknown[] }> } }>;
    expect(policy?.spec.policyTypes).toEqual(['Ingress']);
    expect(policy?.spec.ingress).toHaveLength(1);
    expect(policy?.spec.ingress[0]?.from[0]).toEqual({ podSelector: { matchLabels: { app: 'graphql-gateway' } } });
    expect(policy?.spec.ingress[0]?.ports).toEqual([{ protocol: 'TCP', port: 4001 }]);
  });
});
