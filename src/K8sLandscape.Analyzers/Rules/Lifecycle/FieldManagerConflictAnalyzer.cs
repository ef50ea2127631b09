using K8sLandscape.Model.Lifecycle;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>KL7005: <c>metadata.managedFields</c> shows two field managers owning the same field.</summary>
internal sealed class FieldManagerConflictAnalyzer : LandscapeAnalyzer
{
    private const int FieldsShown = 3;

    public static RuleDescriptor Descriptor { get; } = new(
        "KL7005",
        "Two field managers own the same field",
        "{0} '{1}' has {2} field(s) owned by more than one field manager ({3}): {4}",
        RuleCategory.Lifecycle,
        DiagnosticSeverity.Warning,
        """
        The API server records in `metadata.managedFields` which field manager (kubectl, Helm, a
        controller, a GitOps tool) last set each field. With server-side apply, two appliers that
        set a field to the same value share it; the moment one of them applies a different value,
        the API server answers 409 Conflict ("Apply failed with 1 conflict: conflict with
        \"helm\" using apps/v1: .spec.replicas"), and the usual way out, `--force-conflicts` or
        `force: true`, takes the field away from the other, which sets it back on its next
        reconcile. A field owned by two managers is the sign of two tools that both believe they
        own it: a HorizontalPodAutoscaler and a Helm chart both writing `spec.replicas`, an operator
        and Argo CD both writing a label. Whoever writes last wins until the other runs again.
        Status subresource entries are compared only with other status entries.
        """,
        """
        Decide which tool owns the field and remove it from the other's manifests (for
        `spec.replicas` under an autoscaler, leave it out of the chart). Where sharing is deliberate,
        suppress the finding on the object.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        foreach (var record in context.Landscape.Lifecycle.ManagedFields)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Check(context, record);
        }
    }

    private static void Check(AnalysisContext context, ManagedFieldsRecord record)
    {
        // (subresource, field) -> the index of the first entry owning it; contested fields -> every owning entry.
        var o = record.Object;
        var entries = record.Entries;
        var firstOwner = new Dictionary<(string, string), int>();
        var contested = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Manager.Length == 0) continue;
            foreach (var field in entry.Fields)
            {
                if (!firstOwner.TryGetValue((entry.Subresource, field), out var owner))
                {
                    firstOwner[(entry.Subresource, field)] = entry.Index;
                    continue;
                }

                if (string.Equals(entries[owner].Manager, entry.Manager, StringComparison.Ordinal)) continue;
                var shown = entry.Subresource.Length == 0 ? field : field + " (" + entry.Subresource + ")";
                if (!contested.TryGetValue(shown, out var owners)) contested[shown] = owners = [];
                owners.Add(owner);
                owners.Add(entry.Index);
            }
        }

        if (contested.Count == 0) return;
        var involved = contested.Values.SelectMany(v => v).Distinct().Order().ToArray();
        var names = involved.Select(i => entries[i].Manager).Distinct(StringComparer.Ordinal).Select(m => "'" + m + "'");
        var fieldsText = Parties.Join(contested.Keys.Take(FieldsShown)) + (contested.Count > FieldsShown ? $" and {contested.Count - FieldsShown} more" : string.Empty);
        var related = involved.Skip(1).Select(i => o.LocationOf($"metadata.managedFields[{i}]")).ToArray();
        context.Report(Descriptor, o.LocationOf($"metadata.managedFields[{involved[0]}]"), related, o.Ref, o.Kind, Parties.Display(o), contested.Count, Parties.Join(names), fieldsText);
    }
}
