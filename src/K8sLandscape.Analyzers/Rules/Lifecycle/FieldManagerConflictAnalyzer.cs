using K8sLandscape.Json;
using System.Text.Json;
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
        foreach (var o in context.Landscape.Objects.All)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            // Most objects carry no managedFields; the raw bytes say so without parsing 100k bodies.
            if (o.Json.Span.IndexOf("\"managedFields\""u8) < 0) continue;
            if (JsonFields.Path(o.Body, "metadata", "managedFields") is not { ValueKind: JsonValueKind.Array } entries || entries.GetArrayLength() < 2) continue;
            Check(context, o, entries);
        }
    }

    private static void Check(AnalysisContext context, KubeObject o, JsonElement entries)
    {
        // (subresource, field) → the index of the first entry owning it; contested fields → every owning entry.
        var firstOwner = new Dictionary<(string, string), int>();
        var managers = new List<string>();
        var contested = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var i = index++;
            managers.Add(JsonFields.Str(entry, "manager") ?? string.Empty);
            if (managers[i].Length == 0 || JsonFields.Path(entry, "fieldsV1") is not { ValueKind: JsonValueKind.Object } fields) continue;
            var subresource = JsonFields.Str(entry, "subresource") ?? string.Empty;
            foreach (var field in Leaves(fields, string.Empty))
            {
                if (!firstOwner.TryGetValue((subresource, field), out var owner))
                {
                    firstOwner[(subresource, field)] = i;
                    continue;
                }

                if (string.Equals(managers[owner], managers[i], StringComparison.Ordinal)) continue;
                var shown = subresource.Length == 0 ? field : field + " (" + subresource + ")";
                if (!contested.TryGetValue(shown, out var owners)) contested[shown] = owners = [];
                owners.Add(owner);
                owners.Add(i);
            }
        }

        if (contested.Count == 0) return;
        var involved = contested.Values.SelectMany(v => v).Distinct().Order().ToArray();
        var names = involved.Select(i => managers[i]).Distinct(StringComparer.Ordinal).Select(m => "'" + m + "'");
        var fieldsText = LifecycleParties.Join(contested.Keys.Take(FieldsShown)) + (contested.Count > FieldsShown ? $" and {contested.Count - FieldsShown} more" : string.Empty);
        var related = involved.Skip(1).Select(i => o.LocationOf($"metadata.managedFields[{i}]")).ToArray();
        context.Report(Descriptor, o.LocationOf($"metadata.managedFields[{involved[0]}]"), related, o.Ref, o.Kind, LifecycleParties.Name(o), contested.Count, LifecycleParties.Join(names), fieldsText);
    }

    // The leaf fields a fieldsV1 set owns, as dotted paths of its keys.
    private static IEnumerable<string> Leaves(JsonElement node, string prefix)
    {
        var any = false;
        foreach (var p in node.EnumerateObject())
        {
            // "." marks that the node exists; every manager setting a child owns it, so it is no contest.
            if (p.Name == ".") continue;
            any = true;
            var path = prefix.Length == 0 ? Trim(p.Name) : prefix + "." + Trim(p.Name);
            if (p.Value.ValueKind != JsonValueKind.Object)
            {
                yield return path;
                continue;
            }

            foreach (var leaf in Leaves(p.Value, path)) yield return leaf;
        }

        if (!any && prefix.Length > 0) yield return prefix;
    }

    // "f:spec" → "spec"; keys of list items ("k:{...}", "v:...", "i:0") are kept as written.
    private static string Trim(string key) => key.StartsWith("f:", StringComparison.Ordinal) ? key[2..] : key;
}
