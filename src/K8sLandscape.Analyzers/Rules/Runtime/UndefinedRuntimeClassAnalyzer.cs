using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Runtime;

/// <summary>KL1004: a workload asks for a RuntimeClass the input does not define.</summary>
internal sealed class UndefinedRuntimeClassAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL1004",
        "A workload requests a RuntimeClass that is not defined",
        "{0} requests RuntimeClass '{1}', which is not defined (the input defines {2})",
        RuleCategory.Runtime,
        DiagnosticSeverity.Error,
        """
        `spec.runtimeClassName` of a pod names a RuntimeClass object (`node.k8s.io/v1`). The RuntimeClass
        admission plugin looks the class up to add its overhead and scheduling to the pod; when the class
        does not exist the pod is rejected at creation (`pod rejected: RuntimeClass "<name>" not found`).
        For a Deployment, DaemonSet, StatefulSet or Job the API server accepts the controller object, and
        its controller then fails to create every pod (`FailedCreate` events), so the workload silently
        runs zero replicas.

        The rule judges only inputs that define at least one RuntimeClass: a set of application manifests
        without any RuntimeClass says nothing about the classes the cluster has.
        """,
        """
        Create the RuntimeClass (and configure its handler on the nodes), or correct `runtimeClassName`
        to one of the defined classes.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var classes = context.Landscape.Runtime.RuntimeClasses;
        if (classes.Count == 0) return;
        var defined = classes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var definedText = Parties.Names(defined.Order(StringComparer.Ordinal));
        foreach (var w in context.Landscape.Workloads)
        {
            if (w.RuntimeClassName is not { Length: > 0 } name || defined.Contains(name)) continue;
            context.Report(Descriptor, w.Object, w.PodSpecPath + ".runtimeClassName", null, Parties.KindAndName(w.Object), name, definedText);
        }
    }
}
