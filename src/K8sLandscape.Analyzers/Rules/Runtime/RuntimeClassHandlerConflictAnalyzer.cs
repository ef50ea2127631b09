using K8sLandscape.Loading;
using K8sLandscape.Model.Runtime;

namespace K8sLandscape.Analyzers.Rules.Runtime;

/// <summary>
/// KL1003: a RuntimeClass names a handler no runtime configuration in the input defines, or
/// RuntimeClasses for one handler disagree on overhead or scheduling.
/// </summary>
internal sealed class RuntimeClassHandlerConflictAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL1003",
        "A RuntimeClass handler is not configured, or RuntimeClasses for one handler disagree",
        "RuntimeClass '{0}' {1}",
        RuleCategory.Runtime,
        DiagnosticSeverity.Warning,
        """
        A RuntimeClass maps the name pods ask for to a `handler`, which the CRI engine on the node looks up
        in its own configuration: containerd's `[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>]`
        (`io.containerd.cri.v1.runtime` in configuration version 3) and CRI-O's `[crio.runtime.runtimes.<handler>]`.
        The API server does not check the handler against any node. When no engine defines it, every pod
        of the class is scheduled and then fails in `RunPodSandbox` with `no runtime for "<handler>" is
        configured` (containerd) or `failed to find runtime handler <handler> from runtime list` (CRI-O),
        looping in `ContainerCreating`.

        This check runs only when the input contains runtime configuration (containerd `config.toml` or
        CRI-O `crio.conf` documents): from manifests alone the handlers on the nodes are unknown, and the
        rule stays quiet. `runc` counts as defined wherever a configuration is present, because containerd
        merges its built-in `runc` runtime into the file it reads and CRI-O ships `runc` as its default.

        Second, the RuntimeClasses selecting one handler must agree on `overhead.podFixed` and
        `scheduling`: the RuntimeClass admission plugin adds the class's overhead to every pod's resource
        accounting and the scheduler applies its node selector, so two classes for the same runtime (or
        two copies of one class from different install manifests, where the last one applied wins) make
        identical sandboxes be accounted and placed differently depending on the name a pod happens to
        use. That finding reports at the first class by location and lists the others.
        """,
        """
        Define the handler on the nodes (for example `runtimes.kata` with `runtime_type = "io.containerd.kata.v2"`
        in containerd, `[crio.runtime.runtimes.kata]` in CRI-O), or point the RuntimeClass at a handler that
        exists. Keep one RuntimeClass per handler, or give all of them the same overhead and scheduling.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var runtime = context.Landscape.Runtime;
        var classes = runtime.RuntimeClasses.Where(c => c.Handler.Length > 0).ToArray();
        if (classes.Length == 0) return;
        ReportUndefinedHandlers(context, runtime, classes);
        ReportDisagreeingClasses(context, classes);
    }

    private static void ReportUndefinedHandlers(AnalysisContext context, RuntimeSurface runtime, RuntimeClassInfo[] classes)
    {
        var objects = context.Landscape.Objects;
        var configs = objects.OfKind(ConfigKinds.Group, ConfigKinds.ContainerdConfig)
            .Concat(objects.OfKind(ConfigKinds.Group, ConfigKinds.CrioConfig))
            .OrderBy(o => o.Location).ToArray();
        if (configs.Length == 0) return;

        var defined = runtime.Handlers.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        defined.Add("runc");
        var definedText = Parties.Names(defined.Order(StringComparer.Ordinal));
        var configLocations = configs.Select(c => c.Location).ToArray();
        foreach (var c in classes)
        {
            if (defined.Contains(c.Handler)) continue;
            context.Report(Descriptor, c.Location, Parties.Others(c.Location, configLocations), c.Object.Ref, c.Name,
                $"names handler '{c.Handler}', which none of the {Parties.Count(configs.Length)} runtime configuration(s) in the input defines "
                + $"(they define {definedText}); its pods fail to start with 'no runtime for \"{c.Handler}\" is configured'");
        }
    }

    private static void ReportDisagreeingClasses(AnalysisContext context, RuntimeClassInfo[] classes)
    {
        foreach (var group in classes.GroupBy(c => c.Handler, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(c => c.Location).ToArray();
            if (members.Length < 2 || members.Select(Signature).Distinct(StringComparer.Ordinal).Count() < 2) continue;
            var first = members[0];
            var others = Parties.Join(members.Skip(1).Select(c => $"'{c.Name}' ({Describe(c)})"));
            context.Report(Descriptor, first.Location, Parties.Others(first.Location, members.Select(c => c.Location)), first.Object.Ref, first.Name,
                $"({Describe(first)}) and {others} all select handler '{group.Key}' but differ in overhead or scheduling");
        }
    }

    private static string Signature(RuntimeClassInfo c) => Describe(c);

    private static string Describe(RuntimeClassInfo c) =>
        $"overhead {Map(c.Overhead)}, nodeSelector {Map(c.NodeSelector)}";

    private static string Map(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? "none" : string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
}
