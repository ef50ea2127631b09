using K8sLandscape.Loading;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Analyzers.Rules.Network;

/// <summary>KL2005: a CNI configuration declares a cniVersion no plugin can support, or chains one plugin type twice.</summary>
internal sealed class CniConfigVersionAnalyzer : LandscapeAnalyzer
{
    public static RuleDescriptor Descriptor { get; } = new(
        "KL2005",
        "A CNI configuration declares an unsupported cniVersion or chains the same plugin twice",
        "CNI configuration '{0}' (network '{1}') {2}",
        RuleCategory.Network,
        DiagnosticSeverity.Warning,
        """
        libcni passes a configuration's `cniVersion` to every plugin it calls, and each plugin answers only
        the specification versions it implements (its `VERSION` result); a version the specification does
        not define (the defined ones are 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0 and 1.1.0) is supported by
        no plugin, so `ADD` fails with `incompatible CNI versions` and every pod on the node stays in
        `ContainerCreating` with `failed to setup network for sandbox`. The rule knows no per-plugin
        version table, so it judges only versions that no plugin can implement.

        In a configuration list (`.conflist`) the plugins run in order, each receiving the previous one's
        result. The same plugin `type` twice in one chain runs the binary twice on the same interface:
        `portmap` or `bandwidth` installs its iptables or tc rules twice, and a second interface-creating
        plugin fails because the interface already exists. The finding points at the second occurrence.
        """,
        """
        Set `cniVersion` to a released specification version that all plugins in the file support
        (`0.3.1`, `0.4.0` or `1.0.0` for most plugins), and list each plugin once per chain.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var known = CniInterface.SpecVersions.ToHashSet(StringComparer.Ordinal);
        foreach (var f in context.Landscape.Network.ConfigFiles)
        {
            if (f.CniVersion is { } version && !known.Contains(version))
            {
                context.Report(Descriptor, f.Object, "cniVersion", null, f.FileName, f.Name,
                    $"declares cniVersion '{version}', which is not a CNI specification version (known: {string.Join(", ", CniInterface.SpecVersions)}); no plugin can serve it");
            }

            if (!f.IsList) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < f.Plugins.Count; i++)
            {
                var type = f.Plugins[i].Type;
                if (seen.Add(type)) continue;
                var firstIndex = IndexOf(f, type);
                var at = f.Object.LocationOf($"plugins[{i}].type");
                var earlier = f.Object.LocationOf($"plugins[{firstIndex}].type");
                context.Report(Descriptor, at, Parties.Others(at, [earlier]), f.Object.Ref, f.FileName, f.Name,
                    $"chains plugin type '{type}' twice (plugins[{firstIndex}] and plugins[{i}])");
            }
        }
    }

    private static int IndexOf(CniConfigFile f, string type)
    {
        for (var i = 0; i < f.Plugins.Count; i++)
        {
            if (f.Plugins[i].Type == type) return i;
        }

        return -1;
    }
}
