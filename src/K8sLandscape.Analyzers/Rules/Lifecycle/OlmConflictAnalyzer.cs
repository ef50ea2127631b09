using K8sLandscape.Loading;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>KL7004: OLM ownership conflicts: a CRD owned by two CSVs, OperatorGroups that intersect on a provided API, or several OperatorGroups in one namespace.</summary>
internal sealed class OlmConflictAnalyzer : LandscapeAnalyzer
{
    private const string ProvidedApisAnnotation = "olm.providedAPIs";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL7004",
        "OLM: an API owned twice, intersecting OperatorGroups, or several OperatorGroups in a namespace",
        "{0}",
        RuleCategory.Lifecycle,
        DiagnosticSeverity.Error,
        """
        The Operator Lifecycle Manager installs an operator into a namespace according to the one
        OperatorGroup of that namespace, which names the namespaces the operator watches, and keeps
        every API (CRD or aggregated API) owned by one ClusterServiceVersion within a set of watched
        namespaces. It refuses, and marks the CSVs Failed, when:

        - a namespace has more than one OperatorGroup: every CSV there fails with reason
          `TooManyOperatorGroups` ("csv created in namespace with multiple operatorgroups, can't pick
          one automatically");
        - two OperatorGroups whose target namespaces intersect provide the same API (their
          `olm.providedAPIs` annotations share an entry): the CSV of the later one fails with reason
          `InterOperatorGroupOwnerConflict`;
        - two CSVs own the same CRD (`spec.customresourcedefinitions.owned`) within overlapping
          scopes: the resolver reports the API as provided twice and will not install the second,
          and if both were installed by hand, each CSV's install strategy rewrites the shared,
          cluster-scoped CRD with its own version of the schema.

        CSVs that OLM copied into target namespaces (label `olm.copiedFrom`) and a CSV that the other
        one `replaces` (an upgrade in progress) are not owners in their own right and are left out;
        two CSVs whose OperatorGroups are known and target disjoint namespaces are allowed, as OLM
        allows them.
        """,
        """
        Keep one OperatorGroup per namespace. Install one operator per API: remove the Subscription
        and CSV of the second, or move it into an OperatorGroup whose target namespaces do not
        intersect the first one's.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var olm = context.Landscape.Lifecycle.Olm;
        if (olm.IsEmpty) return;

        var groups = olm.OperatorGroups.OrderBy(g => g.Object.Location).DistinctBy(g => g.Object.Ref).ToArray();
        var groupsByNamespace = groups
            .GroupBy(g => g.Object.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        TooManyOperatorGroups(context, groupsByNamespace);
        IntersectingOperatorGroups(context, groups);
        CrdsOwnedTwice(context, olm, groupsByNamespace);
    }

    private static void TooManyOperatorGroups(AnalysisContext context, Dictionary<string, OlmOperatorGroup[]> groupsByNamespace)
    {
        foreach (var (ns, list) in groupsByNamespace.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (list.Length < 2) continue;
            var objects = Parties.Ordered(list.Select(g => g.Object));
            context.Report(Descriptor, objects[0], null, objects.Skip(1),
                $"namespace '{ns}' has {objects.Length} OperatorGroups ({Parties.Join(objects.Select(o => o.Name))}); OLM fails every CSV there with TooManyOperatorGroups");
        }
    }

    private static void IntersectingOperatorGroups(AnalysisContext context, OlmOperatorGroup[] groups)
    {
        var byApi = new SortedDictionary<string, List<OlmOperatorGroup>>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!g.Object.Annotations.TryGetValue(ProvidedApisAnnotation, out var apis)) continue;
            foreach (var api in apis.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal))
            {
                if (!byApi.TryGetValue(api, out var list)) byApi[api] = list = [];
                list.Add(g);
            }
        }

        // One finding per set of intersecting groups, naming every API they share.
        var findings = new SortedDictionary<string, (KubeObject[] Groups, List<string> Apis, SortedSet<string> Namespaces)>(StringComparer.Ordinal);
        foreach (var (api, providers) in byApi)
        {
            if (providers.Count < 2) continue;
            var (members, namespaces) = Intersecting(providers);
            if (members.Length < 2) continue;
            var key = string.Join("|", members.Select(m => m.Location.ToString()));
            if (!findings.TryGetValue(key, out var f)) findings[key] = f = (members, [], new SortedSet<string>(StringComparer.Ordinal));
            f.Apis.Add(api);
            f.Namespaces.UnionWith(namespaces);
        }

        foreach (var (members, apis, namespaces) in findings.Values.OrderBy(f => f.Groups[0].Location))
        {
            context.Report(Descriptor, members[0], $"metadata.annotations", members.Skip(1),
                $"OperatorGroups {Parties.Join(members.Select(m => "'" + Parties.Display(m) + "'"))} target intersecting namespaces ({Parties.Join(namespaces)}) and both provide {Parties.Join(apis)}; OLM fails the CSVs with InterOperatorGroupOwnerConflict");
        }
    }

    // The groups among providers whose targets intersect another's, with the shared namespaces.
    private static (KubeObject[] Members, IEnumerable<string> Namespaces) Intersecting(List<OlmOperatorGroup> providers)
    {
        var members = new HashSet<OlmOperatorGroup>(ReferenceEqualityComparer.Instance);
        var shared = new SortedSet<string>(StringComparer.Ordinal);
        var all = providers.Where(p => p.IsAllNamespaces).ToArray();
        var scoped = providers.Where(p => !p.IsAllNamespaces && p.Selector is null).ToArray();
        if (all.Length > 1)
        {
            members.UnionWith(all);
            shared.Add("all namespaces");
        }

        if (all.Length > 0 && scoped.Length > 0)
        {
            members.UnionWith(all);
            members.UnionWith(scoped);
            shared.UnionWith(scoped.SelectMany(s => s.TargetNamespaces));
        }

        var byNamespace = new Dictionary<string, List<OlmOperatorGroup>>(StringComparer.Ordinal);
        foreach (var g in scoped)
        {
            foreach (var ns in g.TargetNamespaces.Distinct(StringComparer.Ordinal))
            {
                if (!byNamespace.TryGetValue(ns, out var list)) byNamespace[ns] = list = [];
                list.Add(g);
            }
        }

        foreach (var (ns, list) in byNamespace)
        {
            if (list.Count < 2) continue;
            members.UnionWith(list);
            shared.Add(ns);
        }

        return (Parties.Ordered(members.Select(m => m.Object)), shared);
    }

    private static void CrdsOwnedTwice(AnalysisContext context, OlmInventory olm, Dictionary<string, OlmOperatorGroup[]> groupsByNamespace)
    {
        var csvs = olm.ClusterServiceVersions
            .Where(c => !c.Object.Labels.ContainsKey("olm.copiedFrom"))
            .OrderBy(c => c.Object.Location)
            .DistinctBy(c => c.Object.Ref)
            .ToArray();
        var owners = new SortedDictionary<string, List<(ClusterServiceVersionInfo Csv, CsvApiDescription Crd)>>(StringComparer.Ordinal);
        foreach (var csv in csvs)
        {
            foreach (var crd in csv.OwnedCrds.DistinctBy(c => c.Name))
            {
                if (crd.Name.Length == 0) continue;
                if (!owners.TryGetValue(crd.Name, out var list)) owners[crd.Name] = list = [];
                list.Add((csv, crd));
            }
        }

        var findings = new SortedDictionary<string, (List<(ClusterServiceVersionInfo Csv, CsvApiDescription Crd)> Owners, List<string> Crds)>(StringComparer.Ordinal);
        foreach (var (crd, list) in owners)
        {
            if (list.Count < 2) continue;

            // An upgrade in progress: the old CSV is replaced by the new one and both briefly own the CRD.
            var replaced = list.Select(o => o.Csv.Replaces).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var current = list.Where(o => !replaced.Contains(o.Csv.Name)).ToList();
            if (current.Count < 2 || !MayOverlap(current.Select(o => o.Csv).ToArray(), groupsByNamespace)) continue;
            var key = string.Join("|", current.Select(o => o.Csv.Object.Location.ToString()));
            if (!findings.TryGetValue(key, out var f)) findings[key] = f = (current, []);
            f.Crds.Add(crd);
        }

        foreach (var (list, crds) in findings.Values.OrderBy(f => f.Owners[0].Csv.Object.Location))
        {
            var first = list[0];
            context.Report(Descriptor, first.Csv.Object, first.Crd.Path, list.Skip(1).Select(o => o.Csv.Object),
                $"CRD {Parties.Join(crds)} is owned by {list.Count} ClusterServiceVersions: {Parties.Join(list.Select(o => "'" + Parties.Display(o.Csv.Object) + "'"))}");
        }
    }

    // False only when every CSV's OperatorGroup is known and their target namespaces are pairwise disjoint.
    private static bool MayOverlap(ClusterServiceVersionInfo[] csvs, Dictionary<string, OlmOperatorGroup[]> groupsByNamespace)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var csv in csvs)
        {
            if (csv.Namespace is not { } ns || !groupsByNamespace.TryGetValue(ns, out var groups) || groups.Length != 1) return true;
            var g = groups[0];
            if (g.IsAllNamespaces || g.Selector is not null) return true;
            foreach (var target in g.TargetNamespaces.Distinct(StringComparer.Ordinal))
            {
                if (!seen.Add(target)) return true;
            }
        }

        return false;
    }
}
