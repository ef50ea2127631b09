using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api;

/// <summary>
/// A CustomResourceDefinition (<c>apiextensions.k8s.io</c> v1 or the older v1beta1 form): the
/// resource it adds, its names, versions and conversion, and the catalog component that ships it.
/// </summary>
public sealed record CrdInfo
{
    /// <summary>The CRD object.</summary>
    public required KubeObject Object { get; init; }

    /// <summary><c>metadata.name</c>, normally <c>plural.group</c>.</summary>
    public string Name => Object.Name;

    /// <summary>The API group it serves (<c>spec.group</c>).</summary>
    public required string Group { get; init; }

    /// <summary>The names it registers.</summary>
    public required CrdNames Names { get; init; }

    /// <summary>Namespaced or cluster-wide.</summary>
    public required ResourceScope Scope { get; init; }

    /// <summary>Its versions, in declaration order.</summary>
    public required IReadOnlyList<CrdVersion> Versions { get; init; }

    /// <summary>How objects are converted between versions.</summary>
    public required CrdConversion Conversion { get; init; }

    /// <summary>The id of the catalog component that owns the CRD's group, or null when none does.</summary>
    public string? ComponentId { get; init; }

    /// <summary>The release of the bundle the CRD was shipped in, when a label or annotation states it.</summary>
    public BundleVersion? Bundle { get; init; }

    /// <summary>The resource as kubectl names it: <c>plural.group</c>.</summary>
    public string Resource => Names.Plural + "." + Group;

    /// <summary>The versions the API server serves.</summary>
    public IEnumerable<CrdVersion> ServedVersions => Versions.Where(v => v.Served);

    /// <summary>The storage versions (more than one is invalid).</summary>
    public IEnumerable<CrdVersion> StorageVersions => Versions.Where(v => v.Storage);

    /// <summary>The location of a field of the CRD, e.g. <c>spec.names.shortNames</c>.</summary>
    public SourceSpan LocationOf(string fieldPath) => Object.LocationOf(fieldPath);

    /// <summary>Reads a CRD object; null when it names no group or kind.</summary>
    public static CrdInfo? From(KubeObject crd, string? componentId = null)
    {
        ArgumentNullException.ThrowIfNull(crd);
        if (JsonFields.Obj(crd.Body, "spec") is not { } spec) return null;
        var group = JsonFields.Str(spec, "group");
        var names = JsonFields.Obj(spec, "names");
        var kind = names is { } n ? JsonFields.Str(n, "kind") : null;
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(kind)) return null;
        var plural = JsonFields.Str(names!.Value, "plural") ?? string.Empty;
        var singular = JsonFields.Str(names.Value, "singular") is { Length: > 0 } s ? s : kind.ToLowerInvariant();
        var listKind = JsonFields.Str(names.Value, "listKind") is { Length: > 0 } l ? l : kind + "List";
        return new CrdInfo
        {
            Object = crd,
            Group = group,
            Names = new CrdNames(kind, plural, singular, listKind, JsonFields.Strings(names.Value, "shortNames"), JsonFields.Strings(names.Value, "categories")),
            Scope = JsonFields.Str(spec, "scope") switch
            {
                "Namespaced" => ResourceScope.Namespaced,
                "Cluster" => ResourceScope.Cluster,
                _ => ResourceScope.Unknown,
            },
            Versions = ReadVersions(spec),
            Conversion = ReadConversion(spec),
            ComponentId = componentId,
            Bundle = BundleVersion.Of(crd),
        };
    }

    private static List<CrdVersion> ReadVersions(JsonElement spec)
    {
        var result = new List<CrdVersion>();
        foreach (var (i, v) in JsonFields.Items(spec, "versions"))
        {
            if (JsonFields.Str(v, "name") is not { Length: > 0 } name) continue;
            // v1beta1 defaulted served to true; v1 requires both flags, so the default is harmless there.
            result.Add(new CrdVersion(
                name,
                JsonFields.Bool(v, "served") ?? true,
                JsonFields.Bool(v, "storage") ?? false,
                JsonFields.Bool(v, "deprecated") ?? false,
                JsonFields.Str(v, "deprecationWarning"),
                $"spec.versions[{i}]"));
        }

        // The v1beta1 single-version form: spec.version is both served and stored.
        if (result.Count == 0 && JsonFields.Str(spec, "version") is { Length: > 0 } only)
        {
            result.Add(new CrdVersion(only, true, true, false, null, "spec.version"));
        }

        return result;
    }

    private static CrdConversion ReadConversion(JsonElement spec)
    {
        if (JsonFields.Obj(spec, "conversion") is not { } conv) return CrdConversion.Default;
        var strategy = string.Equals(JsonFields.Str(conv, "strategy"), "Webhook", StringComparison.Ordinal) ? ConversionStrategy.Webhook : ConversionStrategy.None;

        // v1 nests the client config under 'webhook'; v1beta1 put it at the top with 'conversionReviewVersions'.
        var webhook = JsonFields.Obj(conv, "webhook");
        var clientConfig = webhook is { } w ? JsonFields.Obj(w, "clientConfig") : JsonFields.Obj(conv, "webhookClientConfig");
        var reviewVersions = webhook is { } w2 ? JsonFields.Strings(w2, "conversionReviewVersions") : JsonFields.Strings(conv, "conversionReviewVersions");
        return new CrdConversion(
            strategy,
            clientConfig is { } cc ? ReadService(cc) : null,
            clientConfig is { } cc2 ? JsonFields.Str(cc2, "url") : null,
            reviewVersions,
            "spec.conversion");
    }

    internal static ServiceReference? ReadService(JsonElement clientConfig)
    {
        if (JsonFields.Obj(clientConfig, "service") is not { } svc) return null;
        return new ServiceReference(
            JsonFields.Str(svc, "namespace") ?? string.Empty,
            JsonFields.Str(svc, "name") ?? string.Empty,
            JsonFields.Str(svc, "path"),
            JsonFields.Int(svc, "port"));
    }
}
