using K8sLandscape.Loading;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>KL7006: an OAM/KubeVela Application combines traits declared in conflict, or applies a trait to a component type it does not apply to.</summary>
internal sealed class OamTraitMisuseAnalyzer : LandscapeAnalyzer
{
    private const string SystemNamespace = "vela-system";

    public static RuleDescriptor Descriptor { get; } = new(
        "KL7006",
        "OAM Application uses conflicting traits or a trait on a workload it does not apply to",
        "Application '{0}' component '{1}': {2}",
        RuleCategory.Lifecycle,
        DiagnosticSeverity.Error,
        """
        In OAM, as KubeVela implements it, a TraitDefinition states which workloads it can be
        attached to (`spec.appliesToWorkloads`: component types, workload resources such as
        `deployments.apps`, or `*`) and which other traits it must not be combined with
        (`spec.conflictsWith`, `*` for all others), because both would patch the same part of the
        workload (two scalers writing `replicas`, two ingress traits writing one route). KubeVela's
        Application validation rejects an Application that breaks either rule, and the application
        controller does not render it: the Application stays in a failed state and nothing it
        describes is deployed or updated. A trait that was accepted by an older definition and is
        now excluded blocks every later change to the Application.
        """,
        """
        Remove one of the conflicting traits from the component, or attach the trait to a component
        whose type (or workload resource) is listed in the TraitDefinition's `appliesToWorkloads`.
        If the TraitDefinition is too strict, widen it instead.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var oam = context.Landscape.Lifecycle.Oam;
        if (oam.Applications.Count == 0) return;
        var traits = Index(oam.TraitDefinitions, t => t.Object);
        var components = Index(oam.ComponentDefinitions, c => c.Object);

        foreach (var app in oam.Applications.OrderBy(a => a.Object.Location))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var ns = app.Object.Namespace;
            foreach (var c in app.Components)
            {
                var componentDefinition = Lookup(components, c.Type, ns);
                var reported = new HashSet<(string, string)>();
                foreach (var t in c.Traits)
                {
                    if (Lookup(traits, t.Type, ns) is not { } def) continue;
                    if (!def.AppliesTo(c.Type, componentDefinition))
                    {
                        context.Report(Descriptor, app.Object.LocationOf(t.Path), [def.Object.LocationOf("spec.appliesToWorkloads")], app.Object.Ref,
                            Parties.Display(app.Object), c.Name,
                            $"trait '{t.Type}' does not apply to component type '{c.Type}' (TraitDefinition '{def.Name}' appliesToWorkloads: {Parties.Join(def.AppliesToWorkloads)})");
                    }

                    foreach (var other in c.Traits)
                    {
                        if (ReferenceEquals(other, t) || !def.ConflictsWithTrait(other.Type)) continue;
                        var pair = string.CompareOrdinal(t.Path, other.Path) < 0 ? (t.Path, other.Path) : (other.Path, t.Path);
                        if (!reported.Add(pair)) continue;
                        var (first, second) = string.CompareOrdinal(t.Path, other.Path) < 0 ? (t, other) : (other, t);
                        context.Report(Descriptor, app.Object.LocationOf(first.Path), [app.Object.LocationOf(second.Path), def.ConflictsWithLocation], app.Object.Ref,
                            Parties.Display(app.Object), c.Name,
                            $"traits '{first.Type}' and '{second.Type}' are combined, but TraitDefinition '{def.Name}' declares conflictsWith: {Parties.Join(def.ConflictsWith)}");
                    }
                }
            }
        }
    }

    // Definitions by name; KubeVela looks in the Application's namespace first, then in vela-system.
    private static Dictionary<string, List<T>> Index<T>(IEnumerable<T> definitions, Func<T, KubeObject> obj)
    {
        var result = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            var name = obj(d).Name;
            if (!result.TryGetValue(name, out var list)) result[name] = list = [];
            list.Add(d);
        }

        return result;
    }

    private static T? Lookup<T>(Dictionary<string, List<T>> index, string name, string? ns)
        where T : class
    {
        if (!index.TryGetValue(name, out var list)) return null;
        return list.FirstOrDefault(d => string.Equals(Namespace(d), ns, StringComparison.Ordinal))
            ?? list.FirstOrDefault(d => string.Equals(Namespace(d), SystemNamespace, StringComparison.Ordinal))
            ?? list[0];
    }

    private static string? Namespace<T>(T d) => d switch
    {
        OamTraitDefinition t => t.Object.Namespace,
        OamComponentDefinition c => c.Object.Namespace,
        _ => null,
    };
}
