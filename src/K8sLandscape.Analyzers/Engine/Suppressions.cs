using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers;

/// <summary>Marks findings whose subject carries <see cref="SuppressionAnnotations.Ignore"/> naming their rule.</summary>
internal sealed class Suppressions(Landscape landscape)
{
    private readonly Dictionary<ObjectRef, (HashSet<string> Ids, string? Reason)> _bySubject = [];

    public Finding Apply(Finding finding)
    {
        if (finding.Subject is not { } subject) return finding;
        if (!_bySubject.TryGetValue(subject, out var entry))
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            string? reason = null;
            // Any document defining the subject may carry the annotation (duplicates are findings too).
            foreach (var o in landscape.Objects.Find(subject))
            {
                if (!o.Annotations.TryGetValue(SuppressionAnnotations.Ignore, out var value)) continue;
                ids.UnionWith(SuppressionAnnotations.ParseIds(value));
                if (o.Annotations.TryGetValue(SuppressionAnnotations.IgnoreReason, out var r) && !string.IsNullOrWhiteSpace(r)) reason ??= r.Trim();
            }

            _bySubject[subject] = entry = (ids, reason);
        }

        return entry.Ids.Contains(finding.Id)
            ? finding.Suppress(entry.Reason ?? $"annotation {SuppressionAnnotations.Ignore} on {subject}")
            : finding;
    }
}
