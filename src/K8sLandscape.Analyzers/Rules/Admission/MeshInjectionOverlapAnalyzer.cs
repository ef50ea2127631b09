using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Rules.Admission;

/// <summary>KL6004: a namespace or workload is enabled for sidecar injection by two service meshes.</summary>
internal sealed class MeshInjectionOverlapAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL6004",
        "Namespace or workload is enabled for injection by two service meshes",
        "{0} is enabled for sidecar injection by {1}; every Pod created there gets two proxies",
        RuleCategory.Admission,
        DiagnosticSeverity.Error,
        """
        Service meshes decide which Pods get a sidecar proxy from labels and annotations: Istio's
        `istio-injection=enabled` or `istio.io/rev` namespace label and `sidecar.istio.io/inject`,
        Linkerd's `linkerd.io/inject: enabled`, Kuma's `kuma.io/sidecar-injection: enabled`, Consul's
        `consul.hashicorp.com/connect-inject`, OSM's `openservicemesh.io/sidecar-injection`. When a
        namespace or a Pod template carries the markers of two meshes, both injectors add their proxy
        and init container. Both proxies install iptables rules to capture all traffic, so requests
        loop or bypass one mesh, mTLS is negotiated twice or not at all, ports collide (15001/4140),
        and Pods often never become ready. The meshes' own docs require a namespace to belong to one
        mesh.

        The markers come from the catalog's `injectionSelectors` of service-mesh components
        (`key=value`, or `key` alone for presence). A workload's own markers override its namespace's:
        a different value for a mesh's key (`sidecar.istio.io/inject: "false"`) opts the workload
        out of that mesh. A workload is reported only when its own markers add a mesh; a namespace
        enabled for two meshes is reported once, on the namespace.
        """,
        """
        Choose one mesh per namespace: remove the other mesh's label or annotation, or opt the
        workload out of one mesh explicitly (`sidecar.istio.io/inject: "false"`, `linkerd.io/inject:
        disabled`).
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        var markers = new Dictionary<string, List<(string Mesh, string? Value)>>(StringComparer.Ordinal);
        var meshNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in landscape.Catalog.InCategory(ComponentCategories.ServiceMesh))
        {
            meshNames[d.Id] = d.Name;
            foreach (var selector in d.Capabilities.InjectionSelectors)
            {
                var eq = selector.IndexOf('=', StringComparison.Ordinal);
                var (key, value) = eq < 0 ? (selector, (string?)null) : (selector[..eq], selector[(eq + 1)..]);
                if (!markers.TryGetValue(key, out var list)) markers[key] = list = [];
                list.Add((d.Id, value));
            }
        }

        if (markers.Count == 0) return;

        var namespaces = new Dictionary<string, Marks>(StringComparer.Ordinal);
        foreach (var ns in landscape.Objects.OfKind(string.Empty, "Namespace"))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var marks = Read(markers, ns, "metadata", ns.Labels, ns.Annotations);
            namespaces.TryAdd(ns.Name, marks);
            if (marks.Enabled.Count >= 2)
            {
                Report(context, ns, marks.Enabled, meshNames, marks.Enabled.Values.Min(), $"Namespace '{ns.Name}' ({Api.ClaimParties.Where(ns.Location)})");
            }
        }

        foreach (var w in landscape.Workloads)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var o = w.Object;
            var own = Read(markers, o, w.TemplateMetadataPath, w.TemplateLabels, w.TemplateAnnotations);
            if (own.Enabled.Count == 0) continue;

            var effective = new SortedDictionary<string, SourceSpan>(own.Enabled, StringComparer.Ordinal);
            var nsMarks = o.Namespace is { } nsName ? namespaces.GetValueOrDefault(nsName) : null;
            if (nsMarks is not null)
            {
                foreach (var (mesh, at) in nsMarks.Enabled)
                {
                    if (!own.OptedOut.Contains(mesh)) effective.TryAdd(mesh, at);
                }
            }

            // Markers the namespace already has twice are the namespace's finding, not each workload's.
            if (effective.Count < 2 || (nsMarks is { Enabled.Count: >= 2 } && own.Enabled.Keys.All(nsMarks.Enabled.ContainsKey))) continue;
            Report(context, o, effective, meshNames, own.Enabled.Values.Min(), $"{o.Kind} '{(o.Namespace is null ? o.Name : o.Namespace + "/" + o.Name)}' ({Api.ClaimParties.Where(o.Location)})");
        }
    }

    // Reported at the subject's own first marker (so its annotations can suppress it); the namespace's markers are related.
    private static void Report(AnalysisContext context, KubeObject subject, IReadOnlyDictionary<string, SourceSpan> enabled, Dictionary<string, string> meshNames, SourceSpan at, string what)
    {
        var parties = enabled.OrderBy(p => p.Value).ToArray();
        var names = parties.Select(p => $"{meshNames.GetValueOrDefault(p.Key, p.Key)} ({Api.ClaimParties.Where(p.Value)})").ToArray();
        context.Report(Descriptor, at, parties.Select(p => p.Value).Where(v => v != at).ToArray(), subject.Ref, what, Parties.Join(names));
    }

    private static Marks Read(Dictionary<string, List<(string Mesh, string? Value)>> markers, KubeObject o, string metadataPath, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations)
    {
        // A cluster's pods carry many labels and few mesh markers: each marker is looked up, rather
        // than every label and annotation of every pod walked, and an unmarked object shares one
        // empty result.
        Marks? marks = null;
        Mark(labels, "labels");
        Mark(annotations, "annotations");
        if (marks is null) return Marks.None;

        // A mesh both enabled and disabled by different keys (istio.io/rev plus sidecar.istio.io/inject=false) counts as enabled here.
        marks.OptedOut.ExceptWith(marks.Enabled.Keys);
        return marks;

        void Mark(IReadOnlyDictionary<string, string> map, string field)
        {
            if (map.Count == 0) return;
            foreach (var (key, meshes) in markers)
            {
                if (!map.TryGetValue(key, out var value)) continue;
                marks ??= new Marks();
                foreach (var (mesh, expected) in meshes)
                {
                    if (expected is null || string.Equals(expected, value, StringComparison.Ordinal))
                    {
                        var at = o.LocationOf($"{metadataPath}.{field}[{key}]");
                        if (!marks.Enabled.TryGetValue(mesh, out var existing) || at < existing) marks.Enabled[mesh] = at;
                    }
                    else
                    {
                        marks.OptedOut.Add(mesh);
                    }
                }
            }
        }
    }

    private sealed class Marks
    {
        // What an object without any marker reads as; never written to.
        public static Marks None { get; } = new();

        public SortedDictionary<string, SourceSpan> Enabled { get; } = new(StringComparer.Ordinal);

        public HashSet<string> OptedOut { get; } = new(StringComparer.Ordinal);
    }
}
