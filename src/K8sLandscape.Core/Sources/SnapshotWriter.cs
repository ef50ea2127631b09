using System.Text;
using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>
/// Writes objects read from a cluster as one multi-document YAML file that the loader reads back to
/// the same bodies, so offline analysis sees what the live scan saw. Each document names where it
/// came from in a <c># k8s-landscape-source:</c> comment, and a header of comments records the
/// coverage. Nothing varies between two snapshots of an unchanged cluster (no timestamp), so they diff cleanly.
/// </summary>
public static class SnapshotWriter
{
    /// <summary>
    /// The comment that precedes every document. Not <c># Source:</c>: the loader reads that one as
    /// the Helm template an object was rendered from.
    /// </summary>
    public const string ProvenancePrefix = "# k8s-landscape-source: ";

    /// <summary>Writes a cluster read to a file (UTF-8, LF line ends).</summary>
    public static void Write(string path, ClusterReadResult result)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        Write(writer, result.Load.Objects, result.Coverage);
    }

    /// <summary>Writes objects, with an optional coverage header.</summary>
    public static void Write(TextWriter writer, IEnumerable<KubeObject> objects, ClusterCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(objects);
        if (coverage is not null) WriteHeader(writer, coverage);
        foreach (var o in objects)
        {
            writer.Write("---\n");
            if (o.Location.IsKnown)
            {
                writer.Write(ProvenancePrefix);
                writer.Write(OneLine(o.Location.ToString()));
                writer.Write('\n');
            }

            YamlEmitter.WriteDocument(writer, o.Body);
        }

        writer.Flush();
    }

    private static void WriteHeader(TextWriter w, ClusterCoverage c)
    {
        Line(w, $"k8s-landscape snapshot of context '{c.Context}' ({c.Server}{(c.ServerVersion is null ? string.Empty : ", Kubernetes " + c.ServerVersion)})");
        Line(w, $"namespaces: {(c.Namespaces.Count == 0 ? "all" : string.Join(", ", c.Namespaces))}");
        Line(w, $"read: {c.ObjectCount} object(s) of {c.Read.Count + c.Denied.Count(k => k.Count > 0) + c.Failed.Count(k => k.Count > 0)} kind(s) in {c.Requests} GET request(s) ({c.Retries} retried, {c.ListRestarts} list restart(s))");
        foreach (var k in c.Kinds)
        {
            var what = k.Outcome switch
            {
                ClusterKindOutcome.Read => $"read {k.Count}",
                ClusterKindOutcome.Denied => $"DENIED ({k.Count} read): {k.Detail}",
                ClusterKindOutcome.Failed => $"FAILED ({k.Count} read): {k.Detail}",
                ClusterKindOutcome.NotServed => "not served",
                _ => "skipped: " + k.Detail,
            };
            Line(w, $"  {k.Kind.GroupResource}{(k.ApiVersion is null ? string.Empty : " (" + k.ApiVersion + ")")}: {what}");
        }
    }

    private static void Line(TextWriter w, string text)
    {
        w.Write("# ");
        w.Write(OneLine(text));
        w.Write('\n');
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
