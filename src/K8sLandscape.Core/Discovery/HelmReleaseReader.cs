using System.Globalization;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Discovery;

/// <summary>Finds Helm releases in one pass over the objects (two label or annotation lookups per object).</summary>
internal static class HelmReleaseReader
{
    private const string ReleaseNameAnnotation = "meta.helm.sh/release-name";
    private const string ReleaseNamespaceAnnotation = "meta.helm.sh/release-namespace";

    private sealed class Builder
    {
        public List<HelmReleaseRevision> Revisions { get; } = [];
        public List<KubeObject> Objects { get; } = [];
        public SortedSet<string> Charts { get; } = new(StringComparer.Ordinal);
        public HelmEvidence Evidence { get; set; }
    }

    internal static (IReadOnlyList<HelmRelease> Releases, IReadOnlyList<HelmOwnershipConflict> Conflicts) Read(ObjectIndex objects)
    {
        var builders = new Dictionary<(string? Ns, string Name), Builder>();
        Builder Get(string? ns, string name)
        {
            if (!builders.TryGetValue((ns, name), out var b)) builders[(ns, name)] = b = new Builder();
            return b;
        }

        var records = new HashSet<KubeObject>(ReferenceEqualityComparer.Instance);
        foreach (var o in objects.OfKind(string.Empty, "Secret").Concat(objects.OfKind(string.Empty, "ConfigMap")))
        {
            if (!o.Labels.TryGetValue("owner", out var owner) || !string.Equals(owner, "helm", StringComparison.OrdinalIgnoreCase)) continue;
            if (!o.Labels.TryGetValue("name", out var name) || name.Length == 0) continue;
            records.Add(o);
            var statusText = o.Labels.GetValueOrDefault("status");
            var status = LifecycleStates.HelmRelease.TryParse(statusText, out var s) ? s : HelmReleaseStatus.Unknown;
            var version = int.TryParse(o.Labels.GetValueOrDefault("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var b = Get(o.Namespace, name);
            b.Revisions.Add(new HelmReleaseRevision(o, version, status, statusText));
            b.Evidence |= HelmEvidence.ReleaseRecord;
        }

        // Cluster-scoped objects without the release-namespace annotation do not say which
        // namespace their release lives in; they join the only release of that name when there is one.
        var unplaced = new List<(string Name, KubeObject Object, HelmEvidence Evidence, string? Chart)>();
        foreach (var o in objects.All)
        {
            if (records.Contains(o)) continue;
            var chart = o.Labels.GetValueOrDefault("helm.sh/chart");
            if (o.Annotations.TryGetValue(ReleaseNameAnnotation, out var rn) && rn.Length > 0)
            {
                var ns = o.Annotations.GetValueOrDefault(ReleaseNamespaceAnnotation) is { Length: > 0 } a ? a : o.Namespace;
                Claim(ns, rn, o, HelmEvidence.ReleaseAnnotations, chart);
            }
            else if (InstanceFromLabels(o) is { } instance)
            {
                Claim(o.Namespace, instance, o, HelmEvidence.InstanceLabels, chart);
            }
            else if (o.HelmSource is { Length: > 0 } source)
            {
                // 'helm template' without a release name: the chart (the first path segment) stands in for it.
                var chartName = source.Split('/')[0];
                Claim(o.Namespace, chartName, o, HelmEvidence.RenderedSource, chart ?? chartName);
            }
        }

        void Claim(string? ns, string name, KubeObject o, HelmEvidence evidence, string? chart)
        {
            if (ns is null)
            {
                unplaced.Add((name, o, evidence, chart));
                return;
            }

            var b = Get(ns, name);
            b.Objects.Add(o);
            b.Evidence |= evidence;
            if (chart is { Length: > 0 }) b.Charts.Add(chart);
        }

        var namesakes = builders.Keys.GroupBy(k => k.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (name, o, evidence, chart) in unplaced)
        {
            var key = namesakes.TryGetValue(name, out var keys) && keys.Count == 1 ? keys[0] : (null, name);
            var b = Get(key.Ns, key.Name);
            b.Objects.Add(o);
            b.Evidence |= evidence;
            if (chart is { Length: > 0 }) b.Charts.Add(chart);
        }

        var releases = builders
            .Select(p => new HelmRelease
            {
                Name = p.Key.Name,
                Namespace = p.Key.Ns,
                Revisions = p.Value.Revisions.OrderBy(r => r.Version).ThenBy(r => r.Record.Location).ToArray(),
                Objects = p.Value.Objects.OrderBy(o => o.Location).ToArray(),
                Charts = p.Value.Charts.ToArray(),
                Evidence = p.Value.Evidence,
            })
            .OrderBy(r => r.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToArray();

        return (releases, Conflicts(releases, objects));
    }

    private static string? InstanceFromLabels(KubeObject o)
    {
        // Helm 2 (Tiller) charts wrote 'heritage'; Helm 3 charts 'app.kubernetes.io/managed-by'.
        var managedByHelm = o.Labels.TryGetValue("app.kubernetes.io/managed-by", out var m) && string.Equals(m, "Helm", StringComparison.OrdinalIgnoreCase)
            || o.Labels.TryGetValue("heritage", out var h) && (string.Equals(h, "Helm", StringComparison.OrdinalIgnoreCase) || string.Equals(h, "Tiller", StringComparison.OrdinalIgnoreCase));
        if (!managedByHelm) return null;
        return o.Labels.GetValueOrDefault("app.kubernetes.io/instance") is { Length: > 0 } i ? i
            : o.Labels.GetValueOrDefault("release") is { Length: > 0 } r ? r
            : null;
    }

    private static List<HelmOwnershipConflict> Conflicts(IReadOnlyList<HelmRelease> releases, ObjectIndex objects)
    {
        // A document joins one release at most, so only an identity written by two or more
        // documents can be claimed twice; the rest (nearly all) are not collected.
        var claims = new Dictionary<ObjectRef, List<(HelmRelease Release, KubeObject Document)>>();
        foreach (var r in releases)
        {
            foreach (var o in r.Objects)
            {
                if (objects.Find(o.Ref).Count < 2) continue;
                if (!claims.TryGetValue(o.Ref, out var list)) claims[o.Ref] = list = [];
                list.Add((r, o));
            }
        }

        return claims
            // Nearly every object is claimed once; only the rest need the distinct-release count.
            .Where(p => p.Value.Count > 1 && p.Value.Select(c => c.Release).Distinct().Count() > 1)
            .OrderBy(p => p.Key)
            .Select(p => new HelmOwnershipConflict(
                p.Key,
                p.Value.Select(c => c.Release).Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToArray(),
                p.Value.Select(c => c.Document).Distinct().OrderBy(d => d.Location).ToArray()))
            .ToList();
    }
}
