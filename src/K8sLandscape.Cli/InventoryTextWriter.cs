using K8sLandscape.Model;
using K8sLandscape.Versions;

namespace K8sLandscape.Cli;

/// <summary>
/// Writes the landscape for a person: per area, each recognized component with its category, the
/// version(s) it runs, how it was recognized and the objects that make it up; then every extension point with the number of
/// distinct implementations, unrecognized extensions included.
/// </summary>
internal static class InventoryTextWriter
{
    /// <summary>Writes the inventory of <paramref name="landscape"/> to <paramref name="output"/>.</summary>
    public static void Write(Landscape landscape, TextWriter output) => Write(landscape, output, null);

    /// <summary>Writes the inventory, showing each source path as <paramref name="displayPath"/> makes it (as loaded when null).</summary>
    public static void Write(Landscape landscape, TextWriter output, Func<string, string>? displayPath)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(output);
        string At(Loading.SourceSpan span) => displayPath is null ? span.ToString() : new Loading.SourceSpan(displayPath(span.Path), span.Line, span.Column).ToString();
        output.WriteLine($"Landscape of {landscape.Objects.All.Count} object(s), judged against Kubernetes {landscape.KubernetesVersion}.");
        foreach (var area in LandscapeAreas.All)
        {
            var points = landscape.ExtensionPoints.Where(p => p.Area == area).ToList();
            var recognizedIds = points.SelectMany(p => p.Implementations).Where(i => i.Recognized).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            output.WriteLine();
            output.WriteLine($"== {area}");
            foreach (var c in landscape.Components.Where(c => recognizedIds.Contains(c.Id)))
            {
                output.WriteLine($"  {c.Definition.Name} ({c.Id}, {c.Definition.Category})");
                var versions = VersionReader.Of(c);
                if (versions.Versions.Count > 0) output.WriteLine($"      version {versions.Display} ({versions.Source})");
                foreach (var e in c.Evidence.Take(5))
                {
                    output.WriteLine($"      recognized by {e.Fingerprint} '{e.Value}' at {At(e.Object.Location)}");
                }

                if (c.Evidence.Count > 5) output.WriteLine($"      ... and {c.Evidence.Count - 5} more");
                if (landscape.Network.Plugins.FirstOrDefault(p => p.Id == c.Id) is { Role: { } role } plugin)
                {
                    var why = plugin.RoleEvidence.Count == 0 ? "the catalog's default" : string.Join("; ", plugin.RoleEvidence.Select(e => $"{e.Reason} ({e.Object.Location})"));
                    output.WriteLine($"      CNI role: {role}, from {why}");
                }

                foreach (var i in landscape.Lifecycle.InstallationsOf(c.Id))
                {
                    output.WriteLine($"      installed: {i.Describe()}, roles: {string.Join(", ", i.Workloads.Select(w => $"{w.Workload.Object.Kind} {w.Workload.Object.Name} [{w.Role}]"))}");
                }
            }

            foreach (var p in points)
            {
                var marker = p.ExpectsSingle && p.Implementations.Count > 1 ? "  <-- more than one" : string.Empty;
                output.WriteLine($"  [{p.Name}] {p.Implementations.Count} implementation(s){marker}");
                foreach (var i in p.Implementations)
                {
                    var where = i.Objects.Count > 0 ? $" at {At(i.Objects[0].Location)}" : string.Empty;
                    output.WriteLine($"      {(i.Recognized ? i.Name : "unrecognized: " + i.Name)} ({i.Objects.Count} object(s)){where}");
                }
            }
        }

        var other = landscape.Components.Where(c => !landscape.ExtensionPoints.Any(p => p.Implementations.Any(i => i.Id == c.Id))).ToList();
        if (other.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("== other recognized components");
            foreach (var c in other) output.WriteLine($"  {c.Definition.Name} ({c.Id}, {c.Definition.Category}), {c.Objects.Count} object(s)");
        }
    }
}
