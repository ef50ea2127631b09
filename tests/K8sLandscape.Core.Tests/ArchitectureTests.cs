using System.Reflection;
using System.Text.RegularExpressions;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests;

/// <summary>
/// The data flows sources, loading, discovery (with the catalog), model. The model is plain data:
/// no file under <c>Model/</c> names a catalog or discovery type, and none builds a surface from the
/// discovery context, so the step that turns objects into the landscape stays visible in
/// <c>Discovery/</c>.
/// </summary>
public partial class ArchitectureTests
{
    // Files allowed to name a discovery or catalog type, each with the names and the reason.
    private static readonly Dictionary<string, (string[] Names, string Reason)> Exceptions = new(StringComparer.Ordinal)
    {
        ["Landscape.cs"] = (["LandscapeDiscovery"], "the public Landscape.Build entry points users call forward to LandscapeDiscovery"),
    };

    [Fact]
    public void Model_names_no_catalog_or_discovery_type()
    {
        var model = Corpus.InRepository("src/K8sLandscape.Core/Model");
        var forbidden = ForbiddenTypeNames();
        Assert.Contains("LandscapeContext", forbidden);
        Assert.Contains("ComponentRecognizer", forbidden);

        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(model, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(model, file).Replace('\\', '/');
            var allowed = Exceptions.TryGetValue(relative, out var e) ? e.Names : [];
            offenders.AddRange(Offences(File.ReadAllText(file), forbidden, allowed).Select(o => $"{relative}: {o}"));
        }

        offenders.Sort(StringComparer.Ordinal);
        Assert.True(offenders.Count == 0, "model files reaching into discovery or the catalog (move the code to Discovery/):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_guard_catches_what_it_must()
    {
        // The guard above is only as good as its patterns.
        var forbidden = ForbiddenTypeNames();
        Assert.NotEmpty(Offences("using K8sLandscape.Catalog;\nnamespace K8sLandscape.Model;", forbidden, []));
        Assert.NotEmpty(Offences("var x = K8sLandscape.Discovery.LandscapeDiscovery.Build(o);", forbidden, []));
        Assert.NotEmpty(Offences("internal static ApiSurface Build(LandscapeContext context) => new();", forbidden, []));
        Assert.NotEmpty(Offences("var r = ComponentRecognizer.Recognize(index, workloads, catalog);", forbidden, []));
        Assert.Empty(Offences("var r = LandscapeDiscovery.Build(o);", forbidden, ["LandscapeDiscovery"]));
        Assert.Empty(Offences("/// Built by <see cref=\"LandscapeContext\"/>.\npublic IReadOnlyList<ComponentDefinition> Components { get; }", forbidden, []));
    }

    // Every type the Catalog and Discovery namespaces declare, public or not, by its simple name.
    private static HashSet<string> ForbiddenTypeNames() =>
        typeof(Landscape).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("K8sLandscape.Catalog", StringComparison.Ordinal) || ns.StartsWith("K8sLandscape.Discovery", StringComparison.Ordinal)))
            .Select(t => t.Name.Split('`')[0])
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Offences(string text, HashSet<string> forbidden, string[] allowed)
    {
        var code = Comment().Replace(text, string.Empty);
        foreach (Match m in Namespace().Matches(code)) yield return m.Value;
        foreach (Match m in BuildFromContext().Matches(code)) yield return m.Value;
        foreach (Match m in Word().Matches(code))
        {
            if (forbidden.Contains(m.Value) && !allowed.Contains(m.Value, StringComparer.Ordinal)) yield return m.Value;
        }
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bK8sLandscape\.(Catalog|Discovery)\b")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bBuild\s*\(\s*LandscapeContext\b")]
    private static partial Regex BuildFromContext();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex Word();
}
