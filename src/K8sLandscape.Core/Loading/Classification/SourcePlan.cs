using System.Text;

namespace K8sLandscape.Loading.Classification;

/// <summary>
/// Decides, before anything is parsed, which files found on disk are cluster objects. A Helm chart
/// source yields only what Helm applies as written (<c>crds/</c>, templates without actions); a
/// folder with a <c>kustomization.yaml</c> yields only what it lists as resources, as
/// <c>kubectl kustomize</c> would; patches and kustomize inputs listed anywhere in the scan are not
/// objects. Each chart and each kustomization is reported once, at info, with what to run instead.
/// </summary>
internal static class SourcePlan
{
    private const int NamesShown = 4;

    /// <summary>Plans the files of a folder scan (sorted); the output keeps their order.</summary>
    public static List<PlannedSource> ForFolder(IReadOnlyList<string> files, LoaderOptions options)
    {
        var layout = new HelmChartLayout();
        var full = files.Select(KustomizationFile.Key).ToArray();
        var scanned = new HashSet<string>(full, StringComparer.Ordinal);

        var kustomizationOf = new Dictionary<string, KustomizationFile?>(StringComparer.Ordinal);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var notObjects = new Dictionary<string, (KustomizationFile Owner, string Role)>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var folderFull = FolderOf(full[i]);
            if (kustomizationOf.ContainsKey(folderFull)) continue;
            var found = KustomizationFile.FindIn(FolderOf(files[i]));
            var k = found is null ? null : KustomizationFile.TryRead(found, options);
            kustomizationOf[folderFull] = k;
            if (k is null) continue;
            resources.UnionWith(k.Resources);
            foreach (var p in k.Patches) notObjects.TryAdd(p, (k, "patch"));
            foreach (var p in k.Inputs) notObjects.TryAdd(p, (k, "input"));
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var fates = new bool[files.Count]; // true: load
        var anchors = new Dictionary<int, List<Group>>();
        for (var i = 0; i < files.Count; i++)
        {
            var folderFull = FolderOf(full[i]);
            if (layout.ChartRoot(folderFull) is { } chart)
            {
                var g = GroupFor(groups, "chart:" + chart, () => new Group(Display(files[i], full[i], chart), null), i);
                switch (HelmChartLayout.RoleOf(chart, full[i]))
                {
                    case HelmChartLayout.Role.Metadata:
                        g.Metadata = i;
                        break;
                    case HelmChartLayout.Role.Object:
                        fates[i] = true;
                        g.Loaded++;
                        break;
                    default:
                        g.Skipped.Add((Relative(chart, full[i]), "chart"));
                        break;
                }

                continue;
            }

            var own = kustomizationOf[folderFull];
            if (own is not null && KustomizationFile.Key(own.Path) == full[i])
            {
                GroupFor(groups, "k:" + own.Path, () => KustomizeGroup(own), i).Metadata = i;
                continue;
            }

            if (resources.Contains(full[i]))
            {
                fates[i] = true;
                continue;
            }

            if (notObjects.TryGetValue(full[i], out var listed))
            {
                GroupFor(groups, "k:" + listed.Owner.Path, () => KustomizeGroup(listed.Owner), i).Skipped.Add((Relative(KustomizationFile.Key(listed.Owner.Folder), full[i]), listed.Role));
                continue;
            }

            if (own is not null)
            {
                GroupFor(groups, "k:" + own.Path, () => KustomizeGroup(own), i).Skipped.Add((Relative(KustomizationFile.Key(own.Folder), full[i]), "unlisted"));
                continue;
            }

            fates[i] = true;
        }

        foreach (var g in groups.Values)
        {
            var at = g.Metadata ?? g.First;
            if (!anchors.TryGetValue(at, out var list)) anchors[at] = list = [];
            list.Add(g);
            if (g.Kustomization is { } k) g.Loaded = k.Resources.Count(scanned.Contains);
        }

        var plan = new List<PlannedSource>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (anchors.TryGetValue(i, out var here))
            {
                // Only a kustomization file was read here; Chart.yaml stands for its chart unread.
                foreach (var g in here) plan.Add(new PlannedSource(files[i], Note(g, files[i], g.Metadata == i), g.Metadata == i && g.Kustomization is not null));
            }

            if (fates[i]) plan.Add(PlannedSource.Load(files[i]));
        }

        return plan;
    }

    /// <summary>Plans one file named on its own: it is loaded unless its chart or the kustomization beside it says it is not an object.</summary>
    public static PlannedSource ForFile(string path, LoaderOptions options)
    {
        string full;
        try
        {
            full = KustomizationFile.Key(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return PlannedSource.Load(path);
        }

        if (new HelmChartLayout().ChartRoot(FolderOf(full)) is { } chart)
        {
            if (HelmChartLayout.RoleOf(chart, full) != HelmChartLayout.Role.Template) return PlannedSource.Load(path);
            var root = Display(path, full, chart);
            return new PlannedSource(path, Info(path, 0, 0, $"Helm template of the chart in {root} ('{{{{ }}}}' actions), not a cluster object; skipped. To analyze what the chart installs, run 'helm template <release> {root} | k8s-landscape analyze -'"), false);
        }

        if (KustomizationFile.FindIn(FolderOf(path)) is not { } found || KustomizationFile.TryRead(found, options) is not { } k) return PlannedSource.Load(path);
        var role = k.Patches.Contains(full) ? "a patch" : k.Inputs.Contains(full) ? "an input of kustomize" : null;
        if (role is null || k.Resources.Contains(full)) return PlannedSource.Load(path);
        return new PlannedSource(path, Info(path, 0, 0, $"{role} listed by {k.Path}, not a cluster object; skipped. To analyze the result, run 'kubectl kustomize {k.Folder} | k8s-landscape analyze -'"), false);
    }

    private static Group GroupFor(Dictionary<string, Group> groups, string key, Func<Group> create, int index)
    {
        if (!groups.TryGetValue(key, out var g))
        {
            g = create();
            g.First = index;
            groups[key] = g;
        }

        return g;
    }

    private static Group KustomizeGroup(KustomizationFile k) => new(k.Folder, k);

    private static LoadDiagnostic Note(Group g, string anchorPath, bool atMetadata)
    {
        var message = new StringBuilder();
        if (g.Kustomization is { } k)
        {
            message.Append("kustomization file: a build recipe, not a cluster object.");
            if (g.Loaded > 0) message.Append($" The {Count(g.Loaded, "file")} it lists as resources {(g.Loaded == 1 ? "is" : "are")} loaded as written, before its transformations.");
            var notObjects = g.Skipped.Where(s => s.Role != "unlisted").Select(s => $"{s.Name} ({(s.Role == "patch" ? "patch" : "kustomize input")})").ToList();
            if (notObjects.Count > 0) message.Append($" Not objects, skipped: {Names(notObjects)}.");
            var unlisted = g.Skipped.Where(s => s.Role == "unlisted").Select(s => s.Name).ToList();
            if (unlisted.Count > 0) message.Append($" Not listed in it, skipped as kustomize ignores {(unlisted.Count == 1 ? "it" : "them")}: {Names(unlisted)}.");
            message.Append($" To analyze what it builds, run 'kubectl kustomize {k.Folder} | k8s-landscape analyze -'");
            return atMetadata ? Info(k.Path, k.Line, k.Column, message.ToString()) : Info(k.Folder, 0, 0, message.ToString());
        }

        message.Append($"Helm chart source in {g.Display}: not cluster objects.");
        if (g.Skipped.Count > 0) message.Append($" Skipped {Count(g.Skipped.Count, "file")} that only 'helm template' turns into objects (values, templates with '{{{{ }}}}' actions, other chart files): {Names(g.Skipped.Select(s => s.Name).ToList())}.");
        if (g.Loaded > 0) message.Append($" {Count(g.Loaded, "file")} that Helm applies as written (crds/, templates without actions) {(g.Loaded == 1 ? "is" : "are")} loaded.");
        message.Append($" To analyze what the chart installs, run 'helm template <release> {g.Display} | k8s-landscape analyze -'");
        return atMetadata ? Info(anchorPath, 1, 1, message.ToString()) : Info(g.Display, 0, 0, message.ToString());
    }

    private static string Names(List<string> names)
    {
        var shown = string.Join(", ", names.Take(NamesShown));
        return names.Count > NamesShown ? $"{shown} and {names.Count - NamesShown} more" : shown;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static LoadDiagnostic Info(string path, int line, int column, string message) =>
        new(new SourceSpan(path, line, column), LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Info, message);

    private static string FolderOf(string path) => (Path.GetDirectoryName(path) ?? string.Empty).Replace('\\', '/');

    private static string Relative(string folderFull, string fileFull) =>
        fileFull.StartsWith(folderFull + "/", StringComparison.Ordinal) ? fileFull[(folderFull.Length + 1)..] : fileFull;

    // The chart folder as the user wrote the path, rather than its full form.
    private static string Display(string asGiven, string full, string rootFull)
    {
        var suffix = full[rootFull.Length..];
        return asGiven.EndsWith(suffix, StringComparison.Ordinal) && asGiven.Length > suffix.Length ? asGiven[..^suffix.Length] : rootFull;
    }

    private sealed class Group(string display, KustomizationFile? kustomization)
    {
        public string Display { get; } = display;

        public KustomizationFile? Kustomization { get; } = kustomization;

        public int First { get; set; }

        public int? Metadata { get; set; }

        public int Loaded { get; set; }

        public List<(string Name, string Role)> Skipped { get; } = [];
    }
}
