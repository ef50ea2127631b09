using K8sLandscape.Loading.Trees;
using K8sLandscape.Loading.Yaml;

namespace K8sLandscape.Loading.Classification;

/// <summary>
/// What a <c>kustomization.yaml</c> (or a <c>kind: Component</c>) says about the files beside it:
/// which are resources (objects), which are patches, and which are inputs of kustomize itself
/// (transformer configurations, generator sources). Paths are full paths.
/// </summary>
internal sealed class KustomizationFile
{
    // kustomization files are a few KiB; anything far larger is not one, and goes through the
    // ordinary pipeline, which applies the real limits and reports.
    private const int MaxBytes = 1 << 20;

    /// <summary>The file names kustomize looks for in a folder, in its order of preference.</summary>
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private KustomizationFile(string path)
    {
        Path = path;
        Folder = System.IO.Path.GetDirectoryName(path)!.Replace('\\', '/');
    }

    /// <summary>The kustomization file as the loader names it.</summary>
    public string Path { get; }

    /// <summary>The folder it governs.</summary>
    public string Folder { get; }

    /// <summary>The line of its first key.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The column of its first key.</summary>
    public int Column { get; private set; } = 1;

    /// <summary>Files listed under <c>resources</c>, <c>bases</c> or <c>crds</c>: objects.</summary>
    public HashSet<string> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>Files listed under <c>patches</c>, <c>patchesStrategicMerge</c> or <c>patchesJson6902</c>.</summary>
    public HashSet<string> Patches { get; } = new(StringComparer.Ordinal);

    /// <summary>Files kustomize reads as its own input (configurations, generators, transformers, replacements, generator sources).</summary>
    public HashSet<string> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Finds the kustomization file of a folder on disk, or null.</summary>
    public static string? FindIn(string folder)
    {
        foreach (var name in FileNames)
        {
            var candidate = folder + "/" + name;
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>
    /// Reads a kustomization file; null when it cannot be read or parsed, so the caller lets it
    /// through the ordinary pipeline, which reports why.
    /// </summary>
    public static KustomizationFile? TryRead(string path, LoaderOptions options)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes) return null;
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (text.Contains('\0')) return null;

        List<Node> roots;
        var failed = false;
        try
        {
            roots = new YamlTreeReader(text, path, 1, options, d => failed |= d.Severity == DiagnosticSeverity.Error).ReadAll();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The ordinary pipeline reads the file again and reports the problem at its line.
            return null;
        }

        if (failed || roots.Count != 1 || roots[0] is not MappingNode map) return null;
        if (!IsKustomization(map)) return null;

        var result = new KustomizationFile(path) { Line = map.Line, Column = map.Column };
        result.AddFiles(map, "resources", result.Resources);
        result.AddFiles(map, "bases", result.Resources);
        result.AddFiles(map, "crds", result.Resources);
        result.AddFiles(map, "patchesStrategicMerge", result.Patches);
        result.AddPathFields(map, "patches", result.Patches);
        result.AddPathFields(map, "patchesJson6902", result.Patches);
        result.AddFiles(map, "configurations", result.Inputs);
        result.AddFiles(map, "generators", result.Inputs);
        result.AddFiles(map, "transformers", result.Inputs);
        result.AddFiles(map, "validators", result.Inputs);
        result.AddPathFields(map, "replacements", result.Inputs);
        if (map.Get("openapi") is MappingNode openapi && openapi.GetString("path") is { } schema) result.AddFile(schema, result.Inputs);
        result.AddGeneratorSources(map, "configMapGenerator");
        result.AddGeneratorSources(map, "secretGenerator");
        return result;
    }

    /// <summary>The full form of a path, for comparing paths written in different ways.</summary>
    public static string Key(string path) => System.IO.Path.GetFullPath(path).Replace('\\', '/');

    private static bool IsKustomization(MappingNode map)
    {
        // A kustomization may omit apiVersion and kind (flux-helm-operator's does); any other
        // apiVersion means the file is something else that happens to carry the name.
        var apiVersion = map.GetString("apiVersion");
        return apiVersion is null || apiVersion.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal);
    }

    private void AddFiles(MappingNode map, string field, HashSet<string> into)
    {
        if (map.Get(field) is not SequenceNode list) return;
        foreach (var item in list.Items)
        {
            if (item is ScalarNode { Kind: ScalarKind.String } s) AddFile(s.Text, into);
        }
    }

    private void AddPathFields(MappingNode map, string field, HashSet<string> into)
    {
        if (map.Get(field) is not SequenceNode list) return;
        foreach (var item in list.Items)
        {
            if (item is MappingNode entry && entry.GetString("path") is { } p) AddFile(p, into);
        }
    }

    private void AddGeneratorSources(MappingNode map, string field)
    {
        if (map.Get(field) is not SequenceNode generators) return;
        foreach (var generator in generators.Items.OfType<MappingNode>())
        {
            if (generator.Get("files") is SequenceNode files)
            {
                foreach (var f in files.Items.OfType<ScalarNode>())
                {
                    // 'key=path' names the ConfigMap key; the file is after the '='.
                    var eq = f.Text.IndexOf('=', StringComparison.Ordinal);
                    AddFile(eq >= 0 ? f.Text[(eq + 1)..] : f.Text, Inputs);
                }
            }

            if (generator.Get("envs") is SequenceNode envs)
            {
                foreach (var e in envs.Items.OfType<ScalarNode>()) AddFile(e.Text, Inputs);
            }

            if (generator.GetString("env") is { } env) AddFile(env, Inputs);
        }
    }

    private void AddFile(string entry, HashSet<string> into)
    {
        // Inline patches (a YAML text in the list) and remote resources name no local file.
        if (entry.Length == 0 || entry.Contains('\n') || entry.Contains("://", StringComparison.Ordinal) || entry.StartsWith("github.com/", StringComparison.Ordinal)) return;
        try
        {
            into.Add(Key(Folder + "/" + entry));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // A malformed path lists nothing the scan can hold.
        }
    }
}
