namespace K8sLandscape.Model.Workloads;

/// <summary>A container image reference split into registry, repository path and tag or digest.</summary>
/// <param name="Registry">The registry host, or <c>docker.io</c> when none is written.</param>
/// <param name="Repository">The repository path without registry, e.g. <c>calico/node</c> (Docker Hub's <c>library/</c> prefix removed).</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The digest (<c>sha256:...</c>), or null.</param>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Parses an image reference the way container runtimes do.</summary>
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var s = image.Trim();
        string? digest = null;
        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = s[(at + 1)..];
            s = s[..at];
        }

        string? tag = null;
        var lastSlash = s.LastIndexOf('/');
        var colon = s.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = s[(colon + 1)..];
            s = s[..colon];
        }

        var registry = "docker.io";
        var firstSlash = s.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0)
        {
            var head = s[..firstSlash];
            // A first component with a dot or a port, or 'localhost', is a registry host.
            if (head.Contains('.', StringComparison.Ordinal) || head.Contains(':', StringComparison.Ordinal) || head == "localhost")
            {
                registry = head;
                s = s[(firstSlash + 1)..];
            }
        }

        if (registry == "docker.io" && s.StartsWith("library/", StringComparison.Ordinal)) s = s["library/".Length..];
        return new ImageReference(registry, s, tag, digest);
    }

    /// <summary>
    /// True when <paramref name="pattern"/> is the whole repository path or a trailing run of its
    /// components: <c>calico/node</c> and <c>node</c> match <c>calico/node</c>, <c>alico/node</c> does not.
    /// </summary>
    public bool RepositoryEndsWith(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Repository.Length == pattern.Length) return string.Equals(Repository, pattern, StringComparison.Ordinal);
        return Repository.Length > pattern.Length
            && Repository.EndsWith(pattern, StringComparison.Ordinal)
            && Repository[Repository.Length - pattern.Length - 1] == '/';
    }
}
