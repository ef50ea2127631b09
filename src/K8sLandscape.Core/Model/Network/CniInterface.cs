namespace K8sLandscape.Model.Network;

/// <summary>
/// The Container Network Interface as data: specification versions, the operations each version
/// defines, the network configuration list structure, and how a runtime picks the configuration
/// file it uses from a directory.
/// </summary>
public static class CniInterface
{
    /// <summary>Adds a container to a network.</summary>
    public const string Add = "ADD";

    /// <summary>Removes a container from a network.</summary>
    public const string Del = "DEL";

    /// <summary>Reports the spec versions a plugin supports (since 0.2.0).</summary>
    public const string Version = "VERSION";

    /// <summary>Checks that a container's networking is as expected (since 0.4.0).</summary>
    public const string Check = "CHECK";

    /// <summary>Cleans up resources of attachments that no longer exist (since 1.1.0).</summary>
    public const string Gc = "GC";

    /// <summary>Reports whether the plugin is ready to serve ADD (since 1.1.0).</summary>
    public const string Status = "STATUS";

    /// <summary>Specification versions, oldest first.</summary>
    public static IReadOnlyList<string> SpecVersions { get; } = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"];

    /// <summary>File extensions libcni reads as network configuration (<c>libcni.ConfFiles</c>).</summary>
    public static IReadOnlyList<string> ConfigExtensions { get; } = [".conf", ".conflist", ".json"];

    /// <summary>Top-level keys of a network configuration list (<c>.conflist</c>); <c>plugins</c> run in order, each with a <c>type</c>.</summary>
    public static IReadOnlyList<string> ConflistFields { get; } = ["cniVersion", "cniVersions", "name", "disableCheck", "disableGC", "plugins"];

    /// <summary>The operations a spec version defines, in spec order; empty for an unknown version.</summary>
    public static IReadOnlyList<string> OperationsOf(string specVersion)
    {
        ArgumentNullException.ThrowIfNull(specVersion);
        var index = SpecVersions.ToList().IndexOf(specVersion);
        if (index < 0) return [];
        var ops = new List<string> { Add, Del };
        if (Compare(specVersion, "0.2.0") >= 0) ops.Add(Version);
        if (Compare(specVersion, "0.4.0") >= 0) ops.Add(Check);
        if (Compare(specVersion, "1.1.0") >= 0)
        {
            ops.Add(Gc);
            ops.Add(Status);
        }

        return ops;
    }

    /// <summary>
    /// Which configuration file a runtime uses from one directory: libcni sorts the file names
    /// (Go's <c>sort.Strings</c>, byte order) and containerd, CRI-O and the kubelet's old network
    /// plugin load the first; every other file is ignored. Files without a CNI extension are not
    /// candidates at all.
    /// </summary>
    /// <param name="fileNames">File names (or paths) in one directory.</param>
    public static CniConfigChoice ChooseConfig(IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var candidates = fileNames
            .Where(f => ConfigExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToArray();
        return candidates.Length == 0 ? new CniConfigChoice(null, []) : new CniConfigChoice(candidates[0], candidates[1..]);
    }

    private static int Compare(string a, string b) => System.Version.Parse(a).CompareTo(System.Version.Parse(b));
}
