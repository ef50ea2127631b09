using K8sLandscape.Analyzers.Reporting;
using K8sLandscape.Loading;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers;

/// <summary>
/// Marks findings as suppressed: by <see cref="SuppressionAnnotations.Ignore"/> on the subject or on
/// any other party of a conflict (whoever owns one side may accept it), then by the configuration's
/// <c>ignore:</c> entries. The objects carrying the annotation are found in one pass over the raw
/// bytes, so a landscape without any costs one byte search per object.
/// </summary>
internal sealed class Suppressions
{
    private readonly Dictionary<ObjectRef, Annotation> _annotated = [];
    private readonly IgnoreMatcher _ignores;
    private readonly Func<string, string> _relativePath;
    private readonly Lazy<SubjectLocator> _locator;

    public Suppressions(Landscape landscape, IgnoreMatcher ignores, Func<string, string> relativePath)
    {
        _ignores = ignores;
        _relativePath = relativePath;
        _locator = new Lazy<SubjectLocator>(() => new SubjectLocator(landscape));
        foreach (var o in landscape.Objects.All)
        {
            // The landscape has read every object's annotations already: a lookup, where a scan of
            // the raw bytes would read every body of the cluster again.
            if (!o.Annotations.TryGetValue(SuppressionAnnotations.Ignore, out var value)) continue;
            var reason = o.Annotations.TryGetValue(SuppressionAnnotations.IgnoreReason, out var r) && !string.IsNullOrWhiteSpace(r) ? r.Trim() : null;
            var ids = SuppressionAnnotations.ParseIds(value);
            // Any document defining the subject may carry the annotation (duplicates are findings too).
            if (_annotated.TryGetValue(o.Ref, out var known))
            {
                known.Ids.UnionWith(ids);
                reason = known.Reason ?? reason;
            }

            _annotated[o.Ref] = new Annotation(known?.Ids ?? new HashSet<string>(ids, StringComparer.Ordinal), reason, o);
        }
    }

    /// <summary>The objects that carry the annotation, first document of each, in landscape order.</summary>
    public IEnumerable<(KubeObject Object, IReadOnlySet<string> Ids)> Annotated => _annotated.Values.Select(a => (a.First, (IReadOnlySet<string>)a.Ids));

    public Finding Apply(Finding finding)
    {
        if (_annotated.Count > 0 && finding.Subject is { } subject)
        {
            if (Suppresses(subject, finding.Id) is { } reason) return finding.Suppress(reason);
            foreach (var span in finding.RelatedLocations)
            {
                if (_locator.Value.Find(span) is { } party && party != subject && Suppresses(party, finding.Id) is { } partyReason)
                    return finding.Suppress(partyReason);
            }
        }

        return _ignores.IsEmpty || _ignores.ReasonFor(finding, span => _locator.Value.Find(span), _relativePath) is not { } configured ? finding : finding.Suppress(configured);
    }

    private string? Suppresses(ObjectRef party, string ruleId)
    {
        if (!_annotated.TryGetValue(party, out var a)) return null;
        if (!a.Ids.Contains(ruleId) && !a.Ids.Contains(SuppressionAnnotations.All)) return null;
        return a.Reason ?? $"annotation {SuppressionAnnotations.Ignore} on {party}";
    }

    private sealed record Annotation(HashSet<string> Ids, string? Reason, KubeObject First);
}
