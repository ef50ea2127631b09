namespace K8sLandscape.Loading.Classification;

/// <summary>
/// Where a file sits in a Helm chart source (a folder with <c>Chart.yaml</c>), as Helm reads it:
/// <c>crds/</c> is applied as written, <c>templates/</c> is rendered, everything else is input.
/// </summary>
internal sealed class HelmChartLayout
{
    private readonly Dictionary<string, string?> _rootOf = new(StringComparer.Ordinal);

    /// <summary>The role of a file in its chart.</summary>
    public enum Role
    {
        /// <summary>Not inside a chart.</summary>
        None,

        /// <summary>The chart's <c>Chart.yaml</c>.</summary>
        Metadata,

        /// <summary>A file Helm installs as written (<c>crds/</c>, a template without template actions).</summary>
        Object,

        /// <summary>A template with <c>{{ }}</c> actions: only its rendering is an object.</summary>
        Template,

        /// <summary>Values files and other chart files, which are never objects.</summary>
        Input,
    }

    /// <summary>The nearest folder at or above <paramref name="folderFullPath"/> that holds a <c>Chart.yaml</c>, or null.</summary>
    public string? ChartRoot(string folderFullPath)
    {
        var visited = new List<string>();
        string? dir = folderFullPath;
        string? found = null;
        while (!string.IsNullOrEmpty(dir))
        {
            if (_rootOf.TryGetValue(dir, out var known))
            {
                found = known;
                break;
            }

            visited.Add(dir);
            if (File.Exists(dir + "/Chart.yaml"))
            {
                found = dir;
                break;
            }

            dir = Path.GetDirectoryName(dir)?.Replace('\\', '/');
        }

        foreach (var v in visited) _rootOf[v] = found;
        return found;
    }

    /// <summary>The role of a file (full path) inside the chart rooted at <paramref name="chartRoot"/>.</summary>
    public static Role RoleOf(string chartRoot, string fileFullPath)
    {
        var rel = fileFullPath[(chartRoot.Length + 1)..];
        if (rel == "Chart.yaml") return Role.Metadata;
        if (rel.StartsWith("crds/", StringComparison.Ordinal)) return Role.Object;
        if (rel.StartsWith("templates/", StringComparison.Ordinal)) return HasTemplateActions(fileFullPath) ? Role.Template : Role.Object;
        return Role.Input;
    }

    private static bool HasTemplateActions(string path)
    {
        // A template is not YAML until rendered; '{{' anywhere (a value, a whole line) means it needs Helm.
        // A named pipe is left to the pipeline, which reads it once.
        if (SpecialFiles.IsNamedPipe(path)) return false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buffer = new byte[1 << 16];
            var previous = (byte)0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'{' && previous == (byte)'{') return true;
                    previous = buffer[i];
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: the ordinary pipeline opens it again and reports why.
        }

        return false;
    }
}
