using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>KL7002: one operator installed twice with watch scopes that share a namespace.</summary>
internal sealed class DuplicateOperatorInstallAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL7002",
        "The same operator is installed twice with overlapping watch scopes",
        "{0} is installed {1} times with watch scopes that overlap on {2}: {3}",
        RuleCategory.Lifecycle,
        DiagnosticSeverity.Error,
        """
        An operator's controller reconciles every custom resource in the namespaces it watches
        (`WATCH_NAMESPACE`, `STRIMZI_NAMESPACE`, `--namespace` and the like; with no restriction,
        controller-runtime and most operator SDKs watch all namespaces). Two controller Deployments of
        the same operator, usually two Helm or manifest installs in different namespaces, whose
        scopes share a namespace both act on the same resources: each rewrites the StatefulSets,
        Services and status the other just wrote, leader election does not help because each
        install has its own lease, and the two may be different versions with different defaults.
        Strimzi's documentation asks for one Cluster Operator per watched namespace, and OLM refuses
        to install one operator twice into overlapping OperatorGroups, for this reason.

        The rule counts installations, not workloads: the lifecycle model groups a component's
        workloads by namespace and instance (Helm release or `app.kubernetes.io/instance`) and gives
        each a role from the image, command, sub-command and role flags it runs (a controller, its
        webhook server and its cainjector are three roles of one installation, never duplicates).
        Controller Deployments and StatefulSets of the same role are compared (node agent DaemonSets
        are not operators; two CNI agents are KL2001's business); the watch scope of
        each comes from its environment or flags (an OLM `olm.targetNamespaces` reference is resolved
        through the OperatorGroup of its namespace). A controller that reads its scope from
        somewhere the input does not show is left out rather than guessed.
        """,
        """
        Keep one installation, or give each a disjoint list of namespaces to watch (and make sure
        the cluster-scoped CRDs they share are at the newer of their versions).
        """);

    private const string AllNamespaces = "all namespaces";

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        var groupsByNamespace = landscape.Lifecycle.Olm.OperatorGroups
            .GroupBy(g => g.Object.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        foreach (var op in landscape.Lifecycle.Operators)
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // Installations, not workloads: a controller and its webhook server are two roles of one
            // install; the same role running twice (in two installations, or twice in one) is two installs.
            // Node agents are not operators (two CNI agents are KL2001's business).
            var roles = landscape.Lifecycle.InstallationsOf(op.ComponentId)
                .SelectMany(i => i.Workloads.Select(w => (Installation: i, Installed: w)))
                .Where(p => p.Installed.Workload.Object.Kind != "DaemonSet")
                .GroupBy(p => p.Installed.Role, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var role in roles)
            {
                var instances = role.Select(p => (p.Installation, Workload: p.Installed.Workload, Scope: ScopeOf(p.Installed.Workload, groupsByNamespace)))
                    .Where(i => i.Scope.Known).ToArray();
                if (instances.Length < 2) continue;
                var (overlapping, shared) = Overlaps(instances.Select(i => i.Scope).ToArray());
                if (overlapping.Count < 2) continue;

                var parties = overlapping.Select(i => instances[i]).OrderBy(i => i.Workload.Object.Location).ToArray();
                var first = parties[0];
                var names = parties.Select(p => $"{p.Workload.Object.Kind} {Parties.Display(p.Workload.Object)}{InstanceText(p.Installation)} (watches {p.Scope.Describe()})");
                context.Report(Descriptor, first.Workload.Object, first.Scope.Path, parties.Skip(1).Select(p => p.Workload.Object), op.Name, parties.Length, shared, Parties.Join(names));
            }
        }
    }

    private static string InstanceText(Installation i) => i.Instance is null ? string.Empty : $" [instance {i.Instance}]";

    // Which instances overlap another, and a description of where; a namespace index keeps it linear.
    private static (SortedSet<int> Overlapping, string Shared) Overlaps(Scope[] scopes)
    {
        var overlapping = new SortedSet<int>();
        var sharedNamespaces = new SortedSet<string>(StringComparer.Ordinal);
        var all = Enumerable.Range(0, scopes.Length).Where(i => scopes[i].All).ToArray();
        if (all.Length > 0 && scopes.Length > 1)
        {
            // An all-namespaces controller overlaps every other controller of the same role.
            for (var i = 0; i < scopes.Length; i++) overlapping.Add(i);
            return (overlapping, all.Length > 1 ? AllNamespaces : Parties.Join(scopes.Where(s => !s.All).SelectMany(s => s.Namespaces).Distinct().Order(StringComparer.Ordinal)));
        }

        var byNamespace = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < scopes.Length; i++)
        {
            foreach (var ns in scopes[i].Namespaces)
            {
                if (!byNamespace.TryGetValue(ns, out var list)) byNamespace[ns] = list = [];
                list.Add(i);
            }
        }

        foreach (var (ns, list) in byNamespace)
        {
            if (list.Count < 2) continue;
            sharedNamespaces.Add(ns);
            foreach (var i in list) overlapping.Add(i);
        }

        return (overlapping, Parties.Join(sharedNamespaces));
    }

    private static Scope ScopeOf(Workload w, Dictionary<string, OlmOperatorGroup[]> groupsByNamespace)
    {
        var statements = OperatorWatchScope.Read(w);

        // No statement: controller-runtime's manager and most operator SDKs watch every namespace.
        if (statements.Count == 0) return new Scope(true, true, [], null);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in statements)
        {
            // A $(VAR) reference is expanded from the environment at run time; the input does not say to what.
            if (s.Namespaces.Any(n => n.Contains("$(", StringComparison.Ordinal))) return new Scope(false, false, [], s.Path);

            switch (s.Kind)
            {
                case WatchScopeKind.AllNamespaces:
                    return new Scope(true, true, [], s.Path);
                case WatchScopeKind.Namespaces:
                    namespaces.UnionWith(s.Namespaces);
                    break;
                case WatchScopeKind.OwnNamespace when w.Object.Namespace is { } own:
                    namespaces.Add(own);
                    break;
                case WatchScopeKind.OperatorGroup when w.Object.Namespace is { } ns
                    && groupsByNamespace.TryGetValue(ns, out var groups) && groups.Length == 1 && groups[0].Selector is null:
                    if (groups[0].IsAllNamespaces) return new Scope(true, true, [], s.Path);
                    namespaces.UnionWith(groups[0].TargetNamespaces);
                    break;
                default:
                    return new Scope(false, false, [], s.Path);
            }
        }

        return new Scope(true, false, namespaces.ToArray(), statements[0].Path);
    }

    private sealed record Scope(bool Known, bool All, IReadOnlyList<string> Namespaces, string? Path)
    {
        public string Describe() => All ? AllNamespaces : Parties.Join(Namespaces);
    }
}
